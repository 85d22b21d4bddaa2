"""Quantities in a sentence: fatalities by ACLED's rules; injured, arrested, hostages, fighters, weapons, vehicles,
posts.

A quantity is a number (digits, words, or a vague word: "dozens" = 12, "tens" = 10,
"hundreds" = 100) next to a word that says what it counts. Qualifiers keep what the
text says ("more than 20" is at least 20); fatalities take the most conservative
figure the sentence gives for each group and add distinct groups ("two soldiers and
three civilians were killed" = 5).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..model import Quantity
from ._ontology import load_ontology
from ._text import load_data, phrase_regex

__all__ = [
    "DEAD_LISTED",
    "MORE_WORDS",
    "PERPETRATOR_WORDS",
    "TOTAL_WORDS",
    "QuantityMention",
    "counted_noun",
    "fatalities_of",
    "find_quantities",
    "is_bomber_death",
    "is_person_noun",
    "parse_number",
    "to_quantities",
]

_NOUNS: dict[str, str] = {
    "people|persons|civilians|villagers|residents|soldiers|troops|servicemen|policemen|police officers|officers|"
    "gendarmes|guards|guardsmen|militants|jihadists|terrorists|insurgents|fighters|rebels|assailants|attackers|"
    "gunmen|bandits|members|individuals|men|women|children|farmers|herders|traders|worshippers|passengers|"
    "students|pupils|migrants|miners|militiamen|volunteers|auxiliaries|vdp|suspects|smugglers|traffickers|others|dozos|"
    "hunters|workers|elements|protesters|demonstrators|bodies|victims|drivers|personnel|agents|recruits|sons|"
    "daughters|brothers|relatives|wives|husbands|family members|thieves|informants|collaborators|cadets|tourists|"
    "hostages|guides|shepherds|herdsmen|youths|peacekeepers|gendarmes|customs officers|bombers|occupants|"
    "passers-by|passersby|bystanders|passants|"
    "manifestants|voleurs|bergers|éleveurs|commerçants|orpailleurs|otages|enseignants|chauffeurs|passagers|"
    "agriculteurs|cultivateurs|jeunes|fidèles|élèves|ouvriers|pêcheurs|gardes|gendarmes|soldats|migrants|"
    "suicide bombers|martyrs|comrades|guardsmen|hostiles|militaires|soldats|civils|personnes|policiers|douaniers|"
    "supplétifs|terroristes|assaillants|villageois|habitants|djihadistes|jihadistes|hommes|femmes|enfants|membres|"
    "éléments": "person",
    "vehicles|cars|trucks|pickups|pick-ups|pick-up trucks|4x4s|4x4 vehicles|motorcycles|motorbikes|boats|"
    "tankers|lorries|camels|véhicules|motos|motocyclettes|camions|voitures|pirogues": "vehicle",
    "weapons|rifles|guns|kalashnikovs|ak-47s|ak-47 rifles|pistols|firearms|rocket launchers|rpgs|grenades|"
    "machine guns|mortars|explosive devices|ieds|mines|rockets|munitions|assault rifles|arms|"
    "ied|explosive device|bomb|bombs|device|devices|armes|fusils|kalachnikovs|pistolets|engins explosifs": "weapon",
    "monitoring centers|monitoring centres|monitoring posts|posts|checkpoints|outposts|observation posts|"
    "surveillance posts|centers|centres|towers|stations|bases|camps|points|security points": "post",
}  # fmt: skip
_NOUN_RX = "|".join(sorted((n for group in _NOUNS for n in group.split("|")), key=len, reverse=True))
_NOUN_KIND = {n: kind for group, kind in _NOUNS.items() for n in group.split("|")}

# Whom a killing verb takes is living: in a list of the killed any noun counts its people ("a shepherd, his two
# grandsons and a blacksmith", "trois bergers et un commerçant"), save those that name no one (ontology.json
# `not_victims`) and the things counted above. The noun must end its phrase, so that "killing 4 across the region"
# or "a young herder" is not read at "across" or "young".
_NOT_VICTIMS = sorted(
    set(load_data("ontology.json")["not_victims"]["words"])
    | {n for group, kind in _NOUNS.items() if kind != "person" for n in group.split("|") if " " not in n},
    key=len,
    reverse=True,
)
_NP_END = (
    r"(?=\s*(?:[,;:.!?)]|$|\b(?:and|et|or|ou|as well as|plus|in|at|on|near|from|who|whom|while|when|after|before|"
    r"during|outside|inside|along|between|of|en|à|au|aux|près|dans|lors|par|ont|a été|sont|were|was|had|have)\b))"
)
_ANY_NOUN = rf"(?!(?:{'|'.join(_NOT_VICTIMS)})\b)(?-i:[a-zà-ÿ][a-zà-ÿ'-]*[a-zà-ÿ])"
_ANY_PERSON = rf"(?:(?-i:[a-zà-ÿ-]+)\s+){{0,2}}?{_ANY_NOUN}\b{_NP_END}"

_SINGULAR = r"(?:a|an|one|the|their|his|her|its)\s+(?:[\w-]+\s+){0,2}?(?:soldier|civilian|policeman|police officer|gendarme|guard|militant|jihadist|terrorist|man|woman|child|person|villager|farmer|herder|trader|driver|teacher|imam|chief|officer|member|worker|student|pupil|fighter|assailant|attacker|suspect|hostage|migrant|shepherd|customs officer|volunteer|vdp|dozo|hunter|mayor|official|informant|thief|collaborator|leader|commander|captain|lieutenant|sergeant|corporal|colonel|adjutant|commissioner|inspector|prefect|elder|notable|smuggler|trafficker|prospector|rebel|tourist|guide|journalist|doctor|nurse|pilot|policeman|guardsman|herdsman|assailant|gunman|bomber|peacekeeper|militiaman|hostage|pastor|priest|worshipper|nun|monk|councillor|gendarme|guardsman|customs agent|trader|merchant|passenger|miner|fisherman|hunter|resident|boy|girl|baby|victim)\b"  # noqa: E501
_QUALIFIER = r"(?P<qual>between|at least|more than|over|upwards of|no fewer than|some|about|around|nearly|almost|approximately|approx\.?|up to|roughly|an estimated|as many as|at most|fewer than|less than|plus de|au moins|environ|près de)"  # noqa: E501
_WORDS = sorted(load_ontology().vague_numbers, key=len, reverse=True)
# French tens take their units after a hyphen ("vingt-deux") or "et" ("vingt et un", "soixante et onze"); only after a
# ten, so that "deux et une dizaine" stays two counts.
_FRENCH_TENS = "|".join(rf"(?<=\b{t})" for t in ("vingt", "trente", "quarante", "cinquante", "soixante"))
_FRENCH_UNITS = (
    rf"(?:{_FRENCH_TENS})(?:(?:\s+et\s+|-et-)(?:un|une|onze)|-(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|"
    r"treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf))(?![\w-])"
)
_NUMBER = (
    r"(?P<num>\d{1,3}(?:[,\s]\d{3})+|\d+|(?:"
    + "|".join(re.escape(w) for w in _WORDS if w not in ("a", "an", "one", "some", "un", "une"))
    + r")(?![\w])(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)|"  # whole words: 'seize', not 'seized'
    + _FRENCH_UNITS
    + r")?)"
    + r"(?:\s\(\d{1,6}\))?"  # "four (04)": communiqués write a number twice
)
_NUM_PHRASE = (
    rf"(?:{_QUALIFIER}\s+)?(?:(?:all\s+)?(?:the|its|their|his|her)\s+|all\s+|another\s+|(?:tous\s+|toutes\s+)?(?:ses|leurs|les)\s+)?{_NUMBER}(?:\s+(?:of\s+)?(?:the\s+|their\s+|them\s+|his\s+|her\s+|its\s+)?|"
    rf"\s+d['’]\s*entre\s+(?:eux|elles)(?=\s)|\s+d['’]\s*)?"  # "une dizaine d'assaillants", "trois d'entre eux"
)
_RANGE = r"(?:\s*(?:-|to|–|and|or)\s*(?P<num2>\d+))?"

# ", including women and children," between a number and its verb
_ASIDE = (
    r"(?:\s*,\s*(?:including|among them|most of them|mostly|many of them|some of them|all of them|mainly|dont|"
    r"[\w-]+\s+of\s+(?:them|whom)|"  # "five people, three of them soldiers, were killed"
    r"parmi (?:eux|elles|lesquels|lesquelles))"
    r"\b[^,.;]{1,50},)"
)
# Deaths at someone's hands written as the verb a count stands before ('were beaten to death', 'ont été lynchés'):
# ontology.json `death_phrases`.
_DEATH_PHRASES = load_data("ontology.json")["death_phrases"]
_DEATH_PHRASE = "|".join(_DEATH_PHRASES["patterns"])
_DEATH_NOUN = "|".join(_DEATH_PHRASES["death_nouns"])  # "five fatalities", "cinq décès"
# every month's names and abbreviations, English and French (ontology.json `months`): "KIA: 3 APR" is a date
_MONTH_WORDS = load_data("ontology.json")["months"]
_MONTHS_OF_LABEL = "|".join(
    sorted(
        {*_MONTH_WORDS["en"], *_MONTH_WORDS["fr"]}
        | {a for names in _MONTH_WORDS["abbreviations"] + _MONTH_WORDS["french_abbreviations"] for a in names},
        key=len,
        reverse=True,
    )
)
_DEATH_BEFORE = "|".join(_DEATH_PHRASES["before_count"])  # "le décès de cinq soldats"
_BURIALS = "|".join(_DEATH_PHRASES["burials"])  # "we buried nine people": the dead
_DIED_OF_WOUNDS = "|".join(_DEATH_PHRASES["died_of_wounds"])  # "1 WIA (DOW)": a wounded man who died
# whole words: the French 'tué' is not the 'Tue' of 'Tuesday'
_KILL_VERB = rf"(?:{_DEATH_PHRASE}|killed|gunned down|dead|died|slain|perished|murdered|executed|beheaded|shot dead|neutrali[sz]ed|eliminated|lost their lives|massacred|assassinated|martyred|(?-i:E?KIA)|(?-i:DOW)|fell(?=\s+(?:on|in|during|while|when|as|at|under|with\s+honou?r|with\s+(?:their|his|her)\s+arms?)\b)|tomb[ée]e?s(?=\s+(?:au champ d['’]honneur|les armes à la main|en martyrs?)\b)|tomb[ée]e?s(?=\s*(?:[.;,)]|$))|tu[ée]e?s|tu[ée]e?|morts|ont péri|péri|trouvé la mort|perdu la vie|laiss[ée] la vie|succomb[ée]s?|succumbed|neutralis[ée]e?s|abattue?s|[ée]limin[ée]e?s|ex[ée]cut[ée]e?s|assassin[ée]e?s)(?![\w])"  # noqa: E501
_INJURE_VERB = r"(?:injured|wounded|hurt|bless[ée]e?s|hospitali[sz]ed)"
_ARREST_VERB = (
    r"(?:arrested|detained|apprehended|captured|caught|taken into custody|placed in custody|"
    r"held(?!\s+(?:hostage|captive))|rounded up|interpellés|arrêtés)"
)
_ABDUCT_VERB = r"(?:kidnapped|abducted|taken hostage|held hostage|seized|enlevés|taken captive)"

# A date between a verb and what it counts, as communiqués word it ("neutralised, on 8 June 2025, two terrorists",
# "ont neutralisé, le 8 juin, deux terroristes"). A date's year is the date's, never the count ("were neutralised on 4
# May 2025 near Tessit" counts no 2025 dead).
_WHEN = (
    r"(?:,?\s+(?:(?:on|le)\s+(?:\d{1,2}(?:er)?\s+[^\W\d]+(?:\s+(?:\d{4}|yyyy)\b|(?!\s+\d{4}\b))|[A-Z][a-z]+day)|"
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier)(?:\s+(?:soir|matin))?),?)?"  # "a tué samedi six"
)
# A body's full name, however long, with its acronym ("auxiliaries of the Volunteers for the Defence of the Homeland
# (VDP) were killed"): capitalised words joined by a few small words, so that the count still reaches its verb.
_BODY_NAME = (
    r"(?-i:[A-Z][\w'’-]*)(?:\s+(?:(?-i:of|for|the|and|de|du|des|la|le|et)\s+){0,2}(?-i:[A-Z][\w'’-]*)){0,7}"
    r"(?:\s*\([^()]{1,30}\))?"
)
# "two herders abducted on Monday were found dead": a participle that tells what befell them before, with its time or
# place, between the count and its verb
# ("caught in crossfire" too, and the French "pris dans des tirs croisés", "surpris par les assaillants")
_TAKEN_WHEN = (
    r"(?:\s+(?-i:[a-z]+(?:ed|en)|caught|hit|struck|trapped|shot)\s+(?:on|in|at|near|from|by|since|last|during|outside)\s+"
    r"(?:[\w'’-]+\s+){0,2}?[\w'’-]+"
    r"|\s+(?-i:[a-zàâçéèêîôû]+(?:é|ée|és|ées|is|ise|ises))\s+(?:dans|par|sous|lors|à|au|aux|en|sur|près)\s+"
    r"(?:[\w'’-]+\s+){0,2}?[\w'’-]+)"
)
_COUNT = rf"{_NUM_PHRASE}{_RANGE}(?:['\u2019\u201d]|\")?\s*(?P<noun>(?:\w+[\s-]){{0,3}}?(?:{_NOUN_RX})\b)?"
# a field report's label before its figure: "Fatalities: 3", "Soldiers killed: 3. Militants killed: 5", "Tués : 4"
# and a table's cell, "FF KIA 0 WIA 1 | EN KIA 2": KIA before its digits, without a colon
_LABEL_COUNT = rf"(?:(?P<noun>{_NOUN_RX})\s+)?(?:(?:killed|dead|{_DEATH_NOUN}|(?-i:KIA)|tu[ée]s|morts)\s*:|(?-i:E?KIA)(?=\s+\d))\s*{_NUMBER}(?![\w:/-]|\.\d)(?!\s+(?:{_MONTHS_OF_LABEL})\b)"  # noqa: E501
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "12 soldiers were killed", "4 dead", "at least 20 people have died"
    ("fatalities", rf"{_COUNT}(?:\s*\([^)]*\))?{_ASIDE}?{_TAKEN_WHEN}?(?:\s+(?!(?:and|et)\b)\w+){{0,3}}?\s+(?:were|was|have been|had been|are|have|had|been|being|reportedly|reported|all|ont été|avaient été|auraient été|sont)?\s*(?:(?:later|also|subsequently|then)\s+)?{_KILL_VERB}"),  # noqa: E501
    # "killing 4 soldiers", "killed at least 12", "left 3 dead", "death toll rose to 9"
    ("fatalities", rf"(?:(?:killing|neutrali[sz]ation|elimination|deaths?|murder|execution|massacre|assassination|loss) of|perte de|(?:neutralisation|[ée]limination|ex[ée]cution|assassinat) de|kill(?:ed|ing|s)?|gunn(?:ed|ing) down|mow(?:ed|ing) down|slaughter(?:ed|ing)|lynch(?:ed|ing)|(?:left|leaving)(?=(?:\s+[\w,'-]+){1,6}?\s+(?:dead|killed|morts)\b)|(?:claimed|claiming|cost|costing|took|taking) the lives of|lost|losing|(?:a|ont|avons|avait|avaient) perdu|death toll (?:\w+\s+){{0,3}}?(?:to|of|at|reached|stands at|stood at)|toll (?:\w+\s+){{0,2}}?(?:to|of|at)|execut(?:ed|ing)|neutrali[sz](?:ed|ing)|eliminat(?:ed|ing)|massacr(?:ed|ing)|behead(?:ed|ing)|shot dead|(?:beat(?:en)?|stoned|hacked|clubbed|burned|stabbed) to death|tuant|tué|neutralis[ée]|abattu|lynch[ée]|ex[ée]cut[ée]|co[uû]t[ée] la vie [àa]|co[uû]tant la vie [àa]|permis de (?:neutraliser|tuer|abattre|[ée]liminer)|{_DEATH_BEFORE}){_WHEN}\s+{_COUNT}"),  # noqa: E501
    ("fatalities", rf"{_COUNT}\s+(?:\w+\s+){{0,2}}?blew themselves up"),
    # "five fatalities and 12 injured": the words before the verb are no noun of the dead
    ("injured", rf"{_COUNT}(?:\s+(?!(?:{_DEATH_NOUN})\b)\w+){{0,3}}?\s+(?:were|was|have been|had been|are|others)?\s*{_INJURE_VERB}"),  # noqa: E501
    ("injured", rf"(?:injur(?:ed|ing)|wound(?:ed|ing)|hurt(?:ing)?)\s+{_COUNT}"),
    ("arrests", rf"{_COUNT}(?:\s+\w+){{0,3}}?\s+(?:were|was|have been|had been)\s*{_ARREST_VERB}"),
    ("arrests", rf"(?:arrest(?:ed|ing)?|detain(?:ed|ing)?|apprehend(?:ed|ing)?|captur(?:ed|ing)|round(?:ed|ing) up|the arrest of){_WHEN}\s+{_COUNT}"),  # noqa: E501
    ("hostages", rf"{_COUNT}(?:\s+\w+){{0,3}}?\s+(?:were|was|have been|had been)\s*{_ABDUCT_VERB}"),
    ("hostages", rf"(?:kidnap(?:ped|ping)?|abduct(?:ed|ing)?|took|taking|seized|holding|held)\s+{_COUNT}\s*(?:hostages?|captives?)?"),  # noqa: E501
    ("hostages", rf"{_NUM_PHRASE}(?:hostages|captives)\b"),
    ("seized", rf"(?:seiz(?:ed|ing|ure of)|confiscat(?:ed|ing)|recover(?:ed|ing)|impound(?:ed|ing)|intercept(?:ed|ing)|destroy(?:ed|ing)|found|discovered)\s+(?:\w+\s+){{0,3}}?{_COUNT}"),  # noqa: E501
    ("deployed", rf"(?:deploy(?:ed|ing)|install(?:ed|ing)|set up|establish(?:ed|ing)|dispatch(?:ed|ing)|sent|stationed|erected|built)\s+(?:\w+\s+){{0,2}}?{_COUNT}"),  # noqa: E501
    ("fighters", rf"(?:group|column|band|convoy|unit|force|cell) (?:of|consisting of|made up of|comprising)\s+{_COUNT}"),  # noqa: E501
    ("fighters", rf"{_COUNT}\s+(?:heavily\s+)?armed\b"),
    # "two martyrs of the National Guard who fell on Sunday", "three soldiers, who were killed"
    ("fatalities", rf"{_COUNT}(?:\s+of\s+(?:the\s+)?(?:[\w'-]+\s+){{0,4}}?)?\s*,?\s*(?:who|that)\s+(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+)?{_KILL_VERB}"),  # noqa: E501
    # "Five bodies were found", "the bodies of five herders": a body counted is a death
    ("fatalities", rf"{_NUM_PHRASE}(?P<noun>(?:\w+\s+){{0,2}}?(?:bodies|corpses|(?-i:corps)(?!\s+d['’]arm[ée]e)|cadavres)(?:\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:{_NOUN_RX}))?)\b"),  # noqa: E501
    ("fatalities", rf"(?:bodies|corpses|remains|(?-i:corps)(?:\s+sans\s+vie)?|cadavres) (?:of|de|d')\s*{_COUNT}"),
    # "The death toll from an attack by gunmen on a village ... has risen to 22"
    ("fatalities", rf"(?:death\s+)?toll\b[^.;:!?]{{0,160}}?\b(?:has\s+|had\s+|now\s+)?(?:risen|rose|rises|climbed|climbs|increased|grown|grew|jumped|reached|raised|revised|updated|stands\s+at|stood\s+at)\s+(?:(?:upwards?|downwards?|up|down)\s+)?(?:to\s+)?{_COUNT}"),  # noqa: E501
    # "beat two men to death"
    ("fatalities", rf"(?:beat|beaten|stoned|hacked|clubbed|stabbed|burned|burnt)\s+{_COUNT}\s+to\s+death"),
    # "the fighting claimed at least 8 lives"
    ("fatalities", rf"(?:claim(?:ed|ing|s)?|cost(?:ing|s)?|took|taking)\s+{_NUM_PHRASE}(?P<noun>(?:human\s+)?lives)\b"),
    # (last, so that the indexes above stay) "le bilan provisoire ... a été porté à neuf", "le bilan s'est alourdi à 14"
    # "Deux agents de la Garde nationale sont tombés en martyrs": a French count whose noun takes a complement
    # "Deux éléments de la Garde nationale ont perdu la vie": after "ont" alone only the dying, never "ont tué"
    ("fatalities", rf"{_COUNT}\s+(?:de|du|des)\s+(?:la\s+|l['’]\s*)?[\w'’-]+(?:\s+[\w'’-]+)?\s+(?:(?:sont|ont\s+été|avaient\s+été|auraient\s+été)\s+(?:\w+\s+)?{_KILL_VERB}|(?:ont|avaient)\s+(?:perdu\s+la\s+vie|péri|trouvé\s+la\s+mort|succomb[ée]))"),  # noqa: E501
    # "Two members of the National Guard were killed", "four members of a local self-defence militia were shot dead"
    ("fatalities", rf"{_NUM_PHRASE}{_RANGE}\s*(?P<noun>(?:\w+[\s-]){{0,3}}?(?:{_NOUN_RX})\b)\s+(?:of|from)\s+(?:the\s+|an?\s+|their\s+)?(?:{_BODY_NAME}|(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+)\s+(?:were|was|have\s+been|had\s+been)?\s*(?:also\s+|reportedly\s+)?{_KILL_VERB}"),  # noqa: E501
    ("fatalities", rf"\bbilan\b[^.;:!?]{{0,160}}?\b(?:a\s+été\s+|est\s+)?(?:port[ée]|pass[ée]|s['’]est\s+alourdi|grimp[ée]|revu\s+à\s+la\s+hausse)\s+(?:à\s+)?{_COUNT}"),  # noqa: E501
    # "the army reported five fatalities", "on compte cinq décès": a noun that is the dead, right after the count
    ("fatalities", rf"{_NUM_PHRASE}{_RANGE}\s*(?P<noun>{_DEATH_NOUN})\b"),
    ("fatalities", _LABEL_COUNT),  # a field report's label before its figure
    # "the attack cost five soldiers their lives"
    ("fatalities", rf"(?:cost|costing)\s+{_COUNT}\s+(?:their|his|her)\s+lives?\b"),
    # "One of the wounded died on Tuesday", "one of the injured soldiers later succumbed": one more dead ('Two of the
    # wounded' is read above; 'one' alone is no count there)
    ("fatalities", rf"(?P<num>one)\s+of\s+the\s+(?:wounded|injured)(?:\s+(?!(?:and|but)\b)[\w-]+)?\s+(?:(?:later|subsequently)\s+)?{_KILL_VERB}"),  # noqa: E501
    # "we buried nine people", "nous avons enterré huit personnes": the dead, named by a noun of people (not "buried
    # 3 tonnes of explosives")
    ("fatalities", rf"(?:{_BURIALS}){_WHEN}\s+{_NUM_PHRASE}{_RANGE}\s*(?P<noun>(?:\w+[\s-]){{0,2}}?(?:{_NOUN_RX}))\b"),
    # "2 KIA, 1 WIA (DOW)": the wounded the field report says died of their wounds are dead
    ("fatalities", rf"{_NUM_PHRASE}(?-i:WIA)\s*\(\s*(?:{_DIED_OF_WOUNDS})\b"),
]  # fmt: skip
_COMPILED = [(kind, re.compile(rf"(?<![\w-]){p}", re.IGNORECASE)) for kind, p in _PATTERNS]
_LABEL_INDEX = _PATTERNS.index(("fatalities", _LABEL_COUNT))
# "leaving eight dead: three soldiers and five attackers": a count before the word makes it no label
_COUNT_BEFORE = re.compile(rf"(?<![\w-]){_NUMBER.replace('(?P<num>', '(?:')}\s+$", re.IGNORECASE)
# The patterns that begin with the count can only match where a qualifier, 'the' or a number begins: they are tried
# there alone (anchored), not at every character of the sentence.
_COUNT_FIRST = {i for i, (_, p) in enumerate(_PATTERNS) if p.startswith((_COUNT, _NUM_PHRASE))}
_COUNT_START = re.compile(rf"(?<![\w-])(?:{_QUALIFIER}|the|another|{_NUMBER})", re.IGNORECASE)
_KIN = (
    "son|daughter|wife|husband|brother|sister|father|mother|nephew|niece|cousin|uncle|child|grandson|bodyguard|"
    "driver|escort|companion|guard|assistant|deputy"
)
# "killed two soldiers and three civilians", "a chief and his son": the groups after the first, each its own mention.
# Nouns of people by what they do or are ("smuggler", "interpreter", "journalist", "guardsman", "resident")
_PERSON_SUFFIX = "(?:er|or|ist|man|ant|ent|ian|ee)"
_BARE_NUMBER = _NUMBER.replace("(?P<num>", "(?:")
_PEOPLE_AFTER = re.compile(rf"\s*{_ANY_PERSON}", re.IGNORECASE)  # after a number, the noun needs no plural
# After a killing verb's first victims: "..., his two grandsons and a blacksmith", whatever the nouns.
_KILLED_CONTINUATION = re.compile(
    rf"\s*(?:,\s*)?(?:and|et|as well as|plus|,)\s+(?:(?:à|aux|to)\s+)?"  # "la vie à quatre soldats et à deux civils"
    rf"(?:(?P<det>his|her|their|its|the|son|sa|ses|leurs?|a|an|one|un|une)\s+)?"
    rf"(?:{_NUMBER}\s+{_ANY_PERSON}|(?P<one>(?!{_BARE_NUMBER}\b){_ANY_PERSON}))",
    re.IGNORECASE,
)
_CONTINUATION = re.compile(
    rf"\s*(?:,\s*)?(?:and|as well as|plus|,)\s+(?:(?:his|her|their|its)\s+)?"
    rf"(?:{_COUNT}|(?P<one>{_SINGULAR}|himself|herself|(?<=his |her |its )(?:{_KIN})\b|(?<=their )(?:{_KIN})s?\b|"
    # "their guide and driver", "his interpreter"
    rf"(?<=and )(?:{_KIN})\b|"
    rf"(?:(?<=his |her |its )|(?<=their ))(?:[A-Za-z-]+\s+)?(?-i:[a-z]+{_PERSON_SUFFIX})\b(?!\s+of\b)))",
    re.IGNORECASE,
)
# "7 militants and 2 soldiers were killed": the groups before the verb.
# In a list before a killing verb any plural counts ("7 soldiers and 2 Russian instructors were killed").
_LIST_NOUN = rf"(?:{_NOUN_RX}|(?-i:[a-zà-ÿ]+(?:s|x|men))\b)"
# "five soldiers and an unknown number of attackers were killed": a group the list names but does not count
_UNCOUNTED = (
    r"(?:an?\s+)?(?:unknown|undetermined|unspecified|undisclosed|indeterminate|unconfirmed)\s+number\s+of\s+\w+|"
    r"un\s+nombre\s+(?:ind[ée]termin[ée]|inconnu)\s+d['’]?\s*\w+"
)
_SIMPLE_COUNT = (
    # the words before the noun stop at "and"/"et": "Quatre soldats et deux assaillants" is two groups ("deux" ends
    # like a French plural); "une dizaine d'assaillants et trois soldats" too
    rf"(?:{_UNCOUNTED}|{_NUMBER}\s+(?:d['’]\s*)?(?:(?!(?:and|et)\b)\w+\s+){{0,2}}{_LIST_NOUN}(?:\s+of\s+(?:the\s+)?\w+(?:\s+\w+)?)?|{_SINGULAR}|"
    # "trois bergers et un commerçant ont été tués", "three soldiers and an interpreter were killed"
    rf"(?:un|une|son|sa|an?|their|his|her)\s+{_ANY_NOUN}\b)"  # not "lost their lives and 15 ..."
)
_ANY_COUNT = _SIMPLE_COUNT.replace("(?P<num>", "(?:")
_LIST_KILLED = re.compile(
    # not inside an aside ("three civilians, including a woman and her baby, were killed")
    rf"(?<![\w-])(?<!dont )(?<!including )(?<!them )(?<!notamment )"
    rf"(?P<list>{_ANY_COUNT}(?:\s*,\s*{_ANY_COUNT})*(?:\s*,)?\s+(?:and|et)\s+{_ANY_COUNT})"
    rf"{_ASIDE}?\s*,?\s+(?:y\s+)?(?:were|was|have been|had been|are|all|ont été|a été|sont|ont|avaient été)?\s*"
    rf"(?:(?:reportedly|reported|confirmed)\s+)?{_KILL_VERB}",  # "... and five militants were reported dead"
    re.IGNORECASE,
)
_PART = re.compile(rf"(?<![\w-]){_SIMPLE_COUNT}", re.IGNORECASE)
_VERB_FIRST = {1, 4, 6, 8, 10, 11, 16, 18}  # indexes of the patterns whose numbers follow the verb
# A French singular's noun and up to two words after it ("un voleur présumé"), not a thing a verb of killing can take
# ("un drone a été abattu" is shot down).
_BOMBER_TOLD_DEAD = (
    r"(?:the\s+(?:suicide\s+)?bomber|le\s+kamikaze)\s+(?:(?:also|too|himself|herself|a|lui|elle|aussi|également|même)\s+)*"
    r"(?:died|was\s+(?:also\s+)?killed|perished|péri|trouvé\s+la\s+mort|été\s+tu[ée]e?|perdu\s+la\s+vie|est\s+mort)"
)
_FRENCH_ONE = rf"(?!(?:{'|'.join(_NOT_VICTIMS)})\b)(?-i:[a-zà-ÿ][\w'’-]*)(?:\s+(?-i:[a-zà-ÿ][\w'’-]*)){{0,2}}?"
_FRENCH_KILLED = "|".join(_DEATH_PHRASES["french_singular"])
_FRENCH_DIED = "|".join(_DEATH_PHRASES["french_singular_active"])
_FRENCH_BEING = "|".join(_DEATH_PHRASES["french_singular_being"])
_SINGULAR_KILLED = re.compile(
    rf"(?<![\w-])(?:kill(?:ed|ing)|shot dead|execut(?:ed|ing)|behead(?:ed|ing)|assassinat(?:ed|ing)|murder(?:ed|ing)|"
    rf"lynch(?:ed|ing)|neutrali[sz](?:ed|ing)|eliminat(?:ed|ing)|beheading of|killing of|murder of|"
    rf"assassination of|(?:beat|beaten|stabbed|hacked|stoned|burned|"
    rf"clubbed) to death)\s+(?:the\s+)?{_SINGULAR}\b"
    # "the beheading of French tourist Jean Roe", "the assassination of Mayor Ali Doe": one person, named
    rf"|(?<![\w-])(?:beheading|killing|murder|assassination|execution|lynching)\s+of\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?-i:[A-Z][\w'-]+\s+[A-Z][\w'-]+)\b(?=\s*(?:[,.;:)]|$|(?:in|at|on|near|by|who|whom|was|were)\b))"
    rf"|(?<![\w-]){_SINGULAR}\s+(?:was|has been|had been)\s+(?:\w+\s+)?{_KILL_VERB}"
    rf"|(?<![\w-]){_SINGULAR}\s+{_KILL_VERB}(?=\s*(?:[,.;]|and\b|$))"  # "One soldier killed, 4 wounded."
    # "one smuggler was killed", "an interpreter was shot dead": whatever the noun, a person is who is killed
    rf"|(?<![\w-])(?:a|an|one)\s+(?:[\w-]+\s+){{0,2}}?{_ANY_NOUN}\s+(?:was|has\s+been|had\s+been)\s+(?:also\s+)?"
    rf"(?:killed|shot\s+dead|murdered|executed|beheaded|assassinated|lynched|slain|gunned\s+down|{_DEATH_PHRASE})\b"
    # "a soldier fell in the explosion of a landmine", "the driver died of his wounds"
    rf"|(?<![\w-]){_SINGULAR}\s+(?:fell|perished|was martyred)(?=\s+(?:on|in|during|while|when|as|at|under)\b)"
    rf"|(?<![\w-]){_SINGULAR}\s+(?:later\s+|also\s+)?succumbed\b"
    # "His brother, who was wounded, succumbed to his injuries": one of the wounded, or a kin, dies later
    rf"|(?<![\w-])(?:{_SINGULAR}|(?:his|her|their|a|the)\s+(?:{_KIN}))\s*,\s*(?:who|wounded|injured)\b[^,.;]{{1,60}},\s*"
    rf"(?:later\s+|also\s+)?(?:succumbed|died\s+(?:of|from)\s+(?:(?:his|her)\s+)?(?:wounds|injuries)|died\s+in\s+hospital)\b"
    rf"|(?<![\w-])(?:his|her|their)\s+(?:{_KIN})\s+(?:later\s+|also\s+)?succumbed\b"
    # "Two guardsmen were killed. A third died of his wounds", "un troisième a succombé": one more, by its rank alone
    rf"|(?<![\w-])(?:a|the|un|une)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|deuxième|seconde?|"
    rf"troisième|quatrième|cinquième|sixième|septième|huitième)\s+(?:(?:later|also|subsequently|then)\s+)?"
    rf"(?:died|succumbed|perished|was\s+(?:later\s+)?(?:killed|found\s+dead)|a\s+succombé|a\s+péri|est\s+mort|"
    rf"est\s+décédé|a\s+trouvé\s+la\s+mort|a\s+perdu\s+la\s+vie)(?![\w])"
    rf"|(?<![\w-]){_SINGULAR}\s+who\s+(?:was|had\s+been)\s+(?:\w+\s+)?(?:wounded|injured|shot)\b[^,.;]{{0,40}}?\s+"
    rf"(?:later\s+)?(?:succumbed|died\s+(?:of|from)\s+(?:(?:his|her)\s+)?(?:wounds|injuries)|died\s+in\s+hospital)\b"
    # "Bilan : un soldat tombé, deux blessés": a French singular told with its participle alone, as tolls are listed
    rf"|(?<![\w-])(?:un|une)\s+{_FRENCH_ONE}\s+(?:tu[ée]e?|tomb[ée]e?|neutralis[ée]e?|[ée]limin[ée]e?)(?=\s*(?:[,.;]|et\b|$))"
    rf"|(?<![\w-]){_SINGULAR}\s+died(?=\s+(?:of\s+(?:(?:his|her)\s+)?(?:\w+\s+)?(?:wounds|injuries)|(?:later\s+)?in\s+hospital\b|during\b|"
    # "the driver died instantly", "a young man died on Monday after police fired"
    rf"(?:instantly|immediately|on\s+the\s+spot|at\s+the\s+scene|on\s+the\s+way\s+to\b|(?:on\s+\w+day\s+)?(?:after|when|as)\b|"
    rf"on\s+\w+day\b)|in\s+(?:the|an?)\s+"
    rf"(?:attack|explosion|blast|ambush|fighting|clash(?:es)?|assault|raid|shooting)\b))"
    rf"|(?<![\w-])(?:stabbed|beat|hacked|stoned|clubbed|shot|burned)\s+(?:a|an|one|the)\s+(?:\w+\s+){{0,4}}?to death"
    rf"|(?<![\w-])(?:blew (?:himself|herself) up|s['’]est fait(?:e)? exploser|"
    rf"detonated (?:his|her) (?:explosive |suicide )?(?:vest|belt)|"
    rf"a fait exploser (?:sa|son) (?:ceinture|gilet|charge))"
    # "faisant un mort", "the blast left one dead": one death with no noun
    rf"|(?<![\w-])un\s+mort\b(?![-\w])"
    rf"|(?<![\w-])(?:left|leaving)\s+one\s+(?:person\s+)?dead\b"
    # "the bomber also died", "le kamikaze a lui aussi péri": the bomber's own death, told apart
    rf"|(?<![\w-]){_BOMBER_TOLD_DEAD}"
    # "the body of a trader was found", "le corps sans vie d'un berger": one body is one death
    rf"|(?<![\w-])(?:(?:lifeless|bullet-riddled|charred|mutilated)\s+)?body\s+of\s+(?:a|an|one)\b"
    rf"|(?<![\w-])(?:a|one|his|her)\s+body\s+(?:was|has\s+been|had\s+been)\s+(?:found|discovered|recovered)"
    rf"|(?<![\w-])(?:a|an|one)\s+(?:[\w-]+\s+)?[\w-]+['’]s\s+(?:lifeless\s+)?body\s+(?:was|has\s+been|had\s+been)\s+"
    rf"(?:found|discovered|recovered)"
    rf"|(?<![\w-]){_SINGULAR}\s+(?:\w+\s+)?lost\s+(?:his|her)\s+life\b"
    rf"|(?<![\w-])(?:son|leur)\s+corps\s+(?:sans\s+vie\s+)?a\s+été\s+(?:retrouvé|découvert)"
    rf"|(?<![\w-])(?-i:corps)\s+(?:sans\s+vie\s+)?d['’]une?\b(?!\s+(?:arm[ée]e|unit[ée]))"
    # "un berger a été battu à mort", "une femme a trouvé la mort": a French singular, whatever the noun
    rf"|(?<![\w-])(?:un|une|le|la|son|sa|leur)\s+{_FRENCH_ONE}(?:\s+(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[a-zà-ÿ][\w'’-]*))?){{0,3}}"
    rf"(?:\s*,\s*(?:(?:grièvement|gravement|mortellement)\s+)?bless[ée]e?\s*,)?\s+(?:a|aurait|avait)\s+"
    rf"(?:été\s+(?:\w+\s+)?(?:{_FRENCH_KILLED})|(?:{_FRENCH_DIED}))(?![\w])"
    rf"|(?<![\w-])(?:un|une|le|la)\s+{_FRENCH_ONE}\s+(?:est|serait|était)\s+(?:{_FRENCH_BEING})(?![\w])"
    # "the dangerous terrorist Abu Doe was neutralised", "a terrorist element was eliminated"
    rf"|(?<![\w-])(?:a|an|one|the)\s+(?:[\w-]+\s+){{0,2}}?(?:terrorist|militant|jihadist|insurgent|bandit|assailant|"
    rf"attacker|gunman|criminal|smuggler)\s+(?:element|suspect|leader|commander|emir|(?-i:[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){{0,3}}))"
    rf"\s+(?:was|has\s+been|had\s+been)\s+(?:\w+\s+)?{_KILL_VERB}"
    # "des habitants ont lynché un voleur", "ont tué une femme"
    # "des ravisseurs ont abattu le chauffeur": a definite one too
    rf"|(?<![\w-])(?:a|ont|avaient|auraient)\s+(?:\w+\s+)?(?:{_FRENCH_KILLED})\s+(?:(?:un|une|le|la|son|sa|leur)\s+|l['’]\s*)"
    rf"{_FRENCH_ONE}\b"
    rf"|(?<![\w-])(?:kill(?:ed|ing)|shot dead|neutrali[sz](?:ed|ing)|eliminat(?:ed|ing))\s+one\s+of\s+"
    rf"(?:them|the\s+\w+|their\s+\w+)"
    # "one of them was later found dead", "one of the hostages was executed"
    rf"|(?<![\w-])one\s+of\s+(?:them|the\s+\w+|their\s+\w+)\s+(?:was|has\s+been|had\s+been)\s+"
    rf"(?:(?:later|also|subsequently)\s+)?(?:found\s+dead|{_KILL_VERB})"
    # "three soldiers were wounded and one was killed": one more, of the people just counted
    rf"|(?<=\s)(?:and|but|while)\s+one\s+(?:other\s+|more\s+)?(?:was\s+(?:also\s+)?(?:killed|shot\s+dead)|died)\b"
    # "l'un d'eux a été abattu", "avant que l'un des assaillants ne soit tué": one of them, in French
    rf"|(?<![\w-])l['’]une?\s+(?:d['’]eux|d['’]elles|d['’]entre\s+(?:eux|elles)|des\s+[\w-]+)\s+"
    rf"(?:a\s+été|ait\s+été|avait\s+été|(?:ne\s+)?soit|est|fut)\s+(?:\w+\s+)?(?:{_FRENCH_KILLED})(?![\w])"
    # "mourns Corporal Anis Mabrouki, who fell on Tuesday"
    rf"|(?<![\w-])(?:corporal|sergeant|lieutenant|captain|private|adjutant|colonel|major|commander|warrant officer)\s+"
    rf"(?:(?-i:[A-Z])[\w'-]+(?:\s+|,\s*)){{1,3}}?(?:who\s+)?(?:fell|was killed|died|was martyred|perished)\b"
    rf"|(?<![\w-])(?:kill(?:ed|ing)|assassinat(?:ed|ing)|eliminat(?:ed|ing)|neutrali[sz](?:ed|ing))\s+(?:\w+\s+){{0,3}}?"
    rf"(?:leader|commander|emir|chief|head|spokesman|governor|imam|minister|deputy)\s+[A-Z]"
    # "shot dead a suspected smuggler", "killing an engineer": whom a killing verb takes is a person, whatever the
    # noun, when it reads as one who does or is something (-er, -or, -ist, -man, -ant, -ent, -ian, -ee)
    rf"|(?<![\w-])(?:kill(?:ed|ing)|shot dead|shooting dead|execut(?:ed|ing)|assassinat(?:ed|ing)|murder(?:ed|ing)|"
    rf"lynch(?:ed|ing))\s+(?:a|an|one)\s+(?:(?!number|total|further|dozen|handful|score)[\w-]+\s+){{0,2}}?"
    rf"(?!number\b|total\b|further\b|dozen\b|handful\b|score\b|member\b|quarter\b|border\b)"
    rf"(?-i:[a-z]+{_PERSON_SUFFIX})\b(?!\s+of\b)"
    # "executed a marabout", "shot dead the headmaster": any noun that ends its phrase
    rf"|(?<![\w-])(?:kill(?:ed|ing)|shot dead|shooting dead|execut(?:ed|ing)|assassinat(?:ed|ing)|murder(?:ed|ing)|"
    rf"lynch(?:ed|ing)|behead(?:ed|ing))\s+(?:a|an|one|the)\s+{_ANY_PERSON}"
    # "wounding nine passengers and killing one"
    rf"|(?<![\w-])(?:kill(?:ed|ing)|shot dead|shooting dead)\s+(?:only\s+)?one(?=\s*(?:[,.;:]|and\b|$))",
    re.IGNORECASE,
)
_OF_WHAT = re.compile(r"\s+(?:de|du)\s+(?:la\s+|l['’]\s*)?(?-i:[a-zà-ÿ][a-zà-ÿ-]*)(?=\s*(?:,|et\b))")
_OF_NAME = re.compile(r"\s+(?:of|de|du|d['’])\s*(?:the\s+)?(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+))*")
_ENDS_WITH_VERB = re.compile(rf"{_KILL_VERB}$", re.IGNORECASE)
_QUALIFIERS = {
    "at least": "at_least", "more than": "at_least", "over": "at_least", "upwards of": "at_least",
    "no fewer than": "at_least", "between": "at_least", "plus de": "at_least", "au moins": "at_least",
    "some": "about", "about": "about",
    "around": "about", "nearly": "about", "almost": "about", "approximately": "about", "roughly": "about",
    "approx": "about", "approx.": "about",
    "an estimated": "about", "environ": "about", "près de": "about", "up to": "at_most", "as many as": "at_most",
    "at most": "at_most", "fewer than": "at_most", "less than": "at_most",
}  # fmt: skip


@dataclass(frozen=True)
class QuantityMention:
    kind: str
    value: int
    qualifier: str
    start: int
    end: int
    text: str
    side: str | None = None  # whose dead, when the parse says and the words do not ("killing 11 of them")


def is_bomber_death(text: str) -> bool:
    """Whether a death count is the suicide bomber's own ('blew himself up', 's'est fait exploser')."""
    return _BOMBER_DIED.match(text) is not None


def is_person_noun(word: str) -> bool:
    """Whether a (plural) noun counts people: 'smugglers', 'migrants', 'militaires'."""
    return _NOUN_KIND.get(word.lower()) == "person"


def parse_number(words: str) -> int | None:
    """'12', '1,200', 'twenty-one', 'dozens' -> int; None for words that state no number ('many')."""
    token = words.strip().lower()
    digits = re.sub(r"[,\s]", "", token)
    if digits.isdigit():
        return int(digits)
    vague = load_ontology().vague_numbers
    if token in vague:
        return vague[token]
    head, _, tail = re.sub(r"[\s-]+et[\s-]+", " ", token).replace("-", " ").partition(" ")  # "vingt et un"
    if head in vague and tail in vague and vague[head] is not None and vague[tail] is not None:
        return vague[head] + vague[tail]  # type: ignore[operator]
    return None


_HINT = re.compile(
    r"\d|\b(?:"
    + "|".join(re.escape(w) for w in _WORDS if w not in ("a", "an", "un", "une", "some"))
    + r")\b|kill|dead|died|shot|execut|behead|assassin|murder|lynch|to death|blew|neutrali|eliminat|slain|gunned|"
    r"fell|martyr|perish|bodies|body|corpses|corps|cadavres|KIA|péri|mort|succumb|lost|perdu|tu[ée]|abattu|ex[ée]cut|"
    r"d[ée]c[ée]d|d[ée]c[èe]s|death|tomb[ée]|succomb|fatally|mortally|mortellement|l['’][âa]me|lynch|battu|lives|dead",
    re.IGNORECASE,
)


# "two of them fell in a residential area": shells fall too; a count that names no person falls dead only in combat
_FELL = re.compile(r"\bfell$", re.IGNORECASE)
_FELL_IN_COMBAT = re.compile(
    r"\s+(?:in\s+(?:combat|action|battle|the\s+line\s+of\s+duty)|on\s+the\s+(?:battle)?field|as\s+martyrs|"
    r"with\s+(?:honou?r|(?:their|his|her)\s+arms?))\b",
    re.IGNORECASE,
)


_TIME_SPAN = re.compile(
    r"\s+(?:hours?|days?|weeks?|months?|years?|minutes?|km|kilometres?|kilometers?|heures?|jours?|semaines?|mois|ans)\b",
    re.IGNORECASE,
)


# "On 12 June 2026 our forces neutralised five terrorists", "In 2025, the army ...": a year, not 2026 of the dead.
# A year-like number is a year after a month, a day or a word that dates, or before a comma or a determiner; a count
# of that size is followed by whom it counts ("1,900 migrants", "1900 personnes").
_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d]|[,.]\d)")
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|"
    r"déc)[a-zéû]*\.?|\b(?:in|en|since|depuis|of|de|année|annee|year|fiscal|\d{1,2}(?:st|nd|rd|th|er)?)|\d{1,2}[/.-])\s*$",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(
    r"\s*(?:[,;:)]|(?:our|the|its|their|his|her|a|an|nos|notre|les|la|le|l['’]|ses|leurs|leur|un|une|des|"
    r"attacks?|attaques?|assaults?|ambush|offensives?|coup|elections?|élections?|agreements?|accords?|campaigns?|"
    r"war|guerre|crisis|crise|census|budget|season|saison)\b)",
    re.IGNORECASE,
)


def _without_years(text: str) -> str:
    """The text with each year written as letters of the same length, so that no count pattern reads it and the
    counts after it are still read ('SITREP 14/03/2026 2 FF KIA')."""
    for m in _YEAR.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()]
        if _YEAR_BEFORE.search(before) or _YEAR_AFTER.match(text, m.end()):
            text = text[: m.start()] + "yyyy" + text[m.end() :]
    return text


def _fell_unnamed(text: str, m: re.Match[str]) -> bool:
    return not m.groupdict().get("noun") and bool(_FELL.search(m.group())) and not _FELL_IN_COMBAT.match(text, m.end())


def find_quantities(text: str) -> list[QuantityMention]:
    """Every quantity in a sentence; one mention per number, the most specific kind first."""
    read = _without_years(text)
    found = _quantities_in(read)
    if read == text:
        return found
    # the mentions quote the sentence as written, years included
    return [replace(q, text=text[q.start : q.end].strip()) if "yyyy" in q.text else q for q in found]


def _quantities_in(text: str) -> list[QuantityMention]:
    if _HINT.search(text) is None:
        return []  # no number and no death: nothing any pattern could match
    found: list[QuantityMention] = []
    taken: list[tuple[int, int]] = []
    found.extend(_listed_deaths(text, taken))
    found.extend(_following_list(text, taken))
    found.extend(_who_the_dead_were(text, taken))
    starts = [m.start() for m in _COUNT_START.finditer(text)]
    for index, (kind, pattern) in enumerate(_COMPILED):
        for m in _anchored(pattern, text, starts) if index in _COUNT_FIRST else pattern.finditer(text):
            span = m.span("num")
            if any(s <= span[0] < e for s, e in taken):
                continue
            mention = _mention(kind, m)
            if mention is None or (kind == "fatalities" and _fell_unnamed(text, m)):
                continue
            if index == _LABEL_INDEX and _COUNT_BEFORE.search(text, 0, m.start()):
                continue
            if _TIME_SPAN.match(text, m.end("num")):
                continue  # "two weeks after nine villagers were killed": a span of time, not two of the dead
            end = m.end()
            # "killed three farmhands and a cook": a noun the vocabulary does not know still says whom
            tail = None
            if index in _VERB_FIRST and kind == "fatalities" and not m.groupdict().get("noun"):
                tail = _PEOPLE_AFTER.match(text, end)
            if tail is not None:
                end = tail.end()
                mention = replace(mention, end=end, text=text[mention.start : end].strip())
            if kind == "fatalities":
                mention = _with_other_places(text, mention, taken)
                end = max(end, mention.end)
            found.append(mention)
            taken.append(span)
            if index in _VERB_FIRST and (m.groupdict().get("noun") or end > m.end()):
                found.extend(_continuations(kind, text, end, taken))
    for m in _SINGULAR_KILLED.finditer(text):
        if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e in taken):
            found.append(QuantityMention("fatalities", 1, "exact", m.start(), m.end(), m.group()))
            taken.append((m.start(), m.end()))
            # "killed a chief and his two sons", not "... was killed and" nor "un mort et deux blessés"
            if not _ENDS_WITH_VERB.search(m.group()) and not m.group().lower().endswith("mort"):
                # "the village chief of Bani and two of his sons", "un chef de village et deux de ses fils"
                after = _OF_NAME.match(text, m.end()) or _OF_WHAT.match(text, m.end())
                found.extend(_continuations("fatalities", text, after.end() if after else m.end(), taken))
    if not any(q.kind == "fatalities" for q in found):
        found.extend(_pronoun_deaths(text))
    found.extend(_died_elsewhere(text, found, taken))
    found.extend(_side_tolls(text, found, taken))
    found = [_each_sides(text, q) if q.kind == "fatalities" else q for q in found]
    found = [_risen_to(text, q) if q.kind == "fatalities" else q for q in found]
    found = [q for q in found if not (q.kind == "fatalities" and _RUNNING_TOTAL.search(q.text))]
    found = [
        q
        for q in found
        if not (q.kind == "fatalities" and _PART_OF_THE_DEAD.search(q.text) and not _AMONG_THE_DEAD.search(q.text))
    ]
    if any(_BOMBER_DIED.match(q.text) for q in found):  # "blew himself up, killing six and himself"
        found = [q for q in found if q.text.lower() not in ("himself", "herself")]
        # "s'est fait exploser ..., le kamikaze a lui aussi péri": one bomber, told twice
        found = [q for q in found if not _BOMBER_TOLD_DEAD_RX.match(q.text)]
        if _BOMBER_AMONG.search(text):  # "killing six people including himself": he is one of the six
            found = [q for q in found if not _BOMBER_DIED.match(q.text)]
    return sorted(found, key=lambda q: q.start)


# "killed five villagers in Tondikiwindi and three in Mogodyougou", "cinq morts à Sona et deux à Kiri": the same dead,
# counted place by place; the counts after the first name no one and are added to it, whose noun they share
_IN_PLACE = r"\s+(?:in|at|near|à|au|dans|près\s+de)\s+(?!(?:" + _MONTHS_OF_LABEL + r")[a-zé]*\b)(?-i:[A-Z][\w'’-]+)"
_AT_OTHER_PLACE = re.compile(
    rf"(?:{_IN_PLACE}(?:[\s-](?-i:[A-Z][\w'’-]+))*)?\s*(?:,\s*)?(?:and|et|,)\s+(?P<num>{_BARE_NUMBER}|one|un|une)"
    rf"(?:\s+(?:others?|more|autres))?(?={_IN_PLACE})",
    re.IGNORECASE,
)


def _with_other_places(text: str, q: QuantityMention, taken: list[tuple[int, int]]) -> QuantityMention:
    while (m := _AT_OTHER_PLACE.match(text, q.end)) is not None and (value := parse_number(m.group("num"))):
        taken.append(m.span("num"))
        q = replace(q, value=q.value + value, end=m.end())  # its words still say whom it counts
    return q


# "three fighters were killed on each side", "deux morts de chaque côté": each side's count, a toll of twice it
_EACH_SIDE = re.compile(
    r"(?:\s+(?!(?:and|et|but|mais|with|avec|losses|casualties|pertes)\b)[\w'’-]+){0,3}?\s*,?\s+(?:"
    + "|".join(load_data("ontology.json")["each_side_tolls"]["patterns"])
    + r")\b",
    re.IGNORECASE,
)


_EACH_SIDE_BEFORE = re.compile(
    r"\b(?:" + "|".join(load_data("ontology.json")["each_side_tolls"]["before"]) + r")$", re.IGNORECASE
)


def _each_sides(text: str, q: QuantityMention) -> QuantityMention:
    """A count told of each side of a fight doubled, its words stretched to the phrase that says so."""
    if _EACH_SIDE_BEFORE.search(text[max(0, q.start - 40) : q.start]):
        return replace(q, value=q.value * 2)  # "each side lost three men"
    m = _EACH_SIDE.match(text, q.end)
    if m is None or any(mark in text[q.end : m.end()] for mark in ".;:"):
        return q
    return replace(q, value=q.value * 2, end=m.end(), text=text[q.start : m.end()])


# "detained a herder and beat him to death", "abducted the mayor and killed him": one death, whoever it was, counted
# only in a sentence that counts no other (a pronoun may stand for someone counted already).
_PRONOUN_KILLED = re.compile(
    r"(?<![\w-])(?:(?:kill(?:ed|ing)|execut(?:ed|ing)|murder(?:ed|ing)|lynch(?:ed|ing)|behead(?:ed|ing)|"
    r"assassinat(?:ed|ing))\s+(?P<a>him|her)\b|(?:beat|beating|stabbed|stabbing|stoned|stoning|hacked|clubbed|burned|"
    r"burnt|tortured)\s+(?P<b>him|her)\s+to\s+death|shot\s+(?P<c>him|her)\s+dead|l['’]ont\s+(?:tu[ée]e?|abattue?|"
    r"ex[ée]cut[ée]e?|battue?\s+à\s+mort|lynch[ée]e?)(?![\w]))",
    re.IGNORECASE,
)


# "Four soldiers died at the scene and another in hospital", "were killed and a fifth died in hospital", "sont morts
# sur le coup et deux autres à l'hôpital": more dead after a count, told by where or when they died
_ANOTHER = r"another|a\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)|une?\s+autre"
_HOSPITAL = r"(?:in|at|à|en)\s+(?:the\s+|l['’]\s*)?(?:hospital|h[ôo]pital|route)"
_LATER_DEATH = r"(?:later\s+)?(?:died|succumbed|was\s+killed|a\s+succomb[ée]|est\s+mort|est\s+d[ée]c[ée]d[ée])"
# ("were killed and two others in hospital" may be wounded: a place alone tells a death only after "at the scene")
_DIED_ELSEWHERE = re.compile(
    r"(?P<scene>\s+(?:at\s+the\s+scene|on\s+the\s+spot|instantly|sur\s+le\s+coup|sur\s+place))?\s*,?\s+(?:and|et)\s+"
    rf"(?:(?P<one>{_ANOTHER})|(?P<num>{_BARE_NUMBER})\s+(?:more|others|autres))"
    rf"(?:\s+{_LATER_DEATH}(?:\s+{_HOSPITAL})?|(?(scene)\s+{_HOSPITAL}|(?!)))\b",
    re.IGNORECASE,
)

# "Three soldiers were killed, as were five militants", "ainsi que cinq assaillants": other dead joined to a count
_ALSO_KILLED = re.compile(
    rf"\s*[,;]?\s*(?:{'|'.join(_DEATH_PHRASES['also_killed'])})\s+(?:{_NUMBER}\s+{_ANY_PERSON})", re.IGNORECASE
)

# "Five gendarmes were killed in the attack and eight attackers in the counter-attack": a second count whose verb is
# left out, told by a place or a time of its own like the first's ("died in the camp and two more at an outpost")
_GAPPED = re.compile(
    r"\s+(?:in|during|at|on|near|dans|lors\s+de|pendant|à)\s+[^,;.]{1,40}?\s*,?\s+(?:and|et)\s+"
    rf"(?:{_NUMBER}\s+(?:more|others|autres|{_ANY_PERSON}))(?=\s+(?:in|during|at|on|near|dans|lors|pendant|à|au)\b)"
    rf"(?!\s+{_HOSPITAL})",  # "and two others in hospital" may be wounded
    re.IGNORECASE,
)


def _died_elsewhere(text: str, found: list[QuantityMention], taken: list[tuple[int, int]]) -> list[QuantityMention]:
    """More dead told right after a count that ends with its verb: where they died, or joined to it."""
    out = []
    for q in found:
        ends_dead = q.kind == "fatalities" and _ENDS_WITH_VERB.search(q.text)
        m = (
            _DIED_ELSEWHERE.match(text, q.end) or _ALSO_KILLED.match(text, q.end) or _GAPPED.match(text, q.end)
            if ends_dead
            else None
        )
        one = m.groupdict().get("one") if m is not None else None
        if m is None or any(s <= (m.start("one") if one else m.start("num")) < e for s, e in taken):
            continue
        value = 1 if one else parse_number(m.group("num"))
        if value is not None:
            start = m.start("one") if one else m.start("num")
            out.append(QuantityMention("fatalities", value, "exact", start, m.end(), text[start : m.end()]))
            taken.append((start, m.end()))
    return out


def _pronoun_deaths(text: str) -> list[QuantityMention]:
    m = _PRONOUN_KILLED.search(text)
    if m is None:
        return []
    return [QuantityMention("fatalities", 1, "exact", m.start(), m.end(), "him")]


# The bomber's own death, counted beside those he killed ("s'est fait exploser" is French for "blew himself up").
_BOMBER_DIED = re.compile(r"blew\b|s['’]est\s+fait|detonated\b|a\s+fait\s+exploser", re.IGNORECASE)
_BOMBER_TOLD_DEAD_RX = re.compile(_BOMBER_TOLD_DEAD, re.IGNORECASE)
_BOMBER_AMONG = re.compile(
    r"\b(?:including|among them|y compris|dont)\s+(?:himself|herself|themselves|the\s+(?:suicide\s+)?bombers?|"
    r"the\s+attackers?|le\s+kamikaze|l['’]auteur)\b",
    re.IGNORECASE,
)

# "the toll rose from five to nine dead", "le bilan est passé de cinq à neuf morts": a toll that moved from one count to
# another is the second, where "five to nine dead" alone is a range (its lower end is coded)
_FROM_BEFORE = re.compile(
    r"\b(?:ris(?:en|ing)|rose|climb(?:ed|ing)|increas(?:ed|ing)|jump(?:ed|ing)|went|gone|revised|raised|pass[ée]e?|"
    r"port[ée]e?|grimp[ée]|augment[ée]|alourdi)\s+(?:(?:up|upwards?|sharply)\s+)?(?:from|de|d['’])\s*$",
    re.IGNORECASE,
)
_TO_SECOND = re.compile(rf"\s+(?:to|à)\s+(?P<second>{_BARE_NUMBER})\b", re.IGNORECASE)


def _risen_to(text: str, q: QuantityMention) -> QuantityMention:
    first = re.match(_BARE_NUMBER, text[q.start :], re.IGNORECASE)
    if first is None or not _FROM_BEFORE.search(text, 0, q.start):
        return q
    second = _TO_SECOND.match(text, q.start + first.end())
    value = parse_number(second.group("second")) if second else None
    return q if value is None else replace(q, value=value)


# "(bringing to) 120 the number of soldiers killed", "the toll of soldiers killed since January stands at 120": a
# running total is not the event's own toll.
_RUNNING_TOTAL = re.compile(
    r"^\S+\s+(?:the\s+)?(?:total\s+|overall\s+)?(?:number|toll|tally|count)\s+of\b|"
    r"\bsince\s+(?:January|the\s+(?:start|beginning)\s+of|(?:19|20)\d\d)\b|\b(?:so\s+far\s+)?this\s+year\b|"
    # "(ce qui porte à) 112 le nombre de civils tués depuis janvier"
    r"^\S+\s+(?:le|la)\s+(?:nombre|bilan|total)\s+(?:de|des|d['’])|\bdepuis\s+(?:janvier|le\s+d[ée]but\s+de|"
    r"(?:19|20)\d\d)\b|\bcette\s+ann[ée]e\b",
    re.IGNORECASE,
)


# "at least 8 of the dead were civilians", "deux des victimes": who some of the dead were, not more dead
_PART_OF_THE_DEAD = re.compile(
    r"\b(?:of|among)\s+(?:the|those)\s+(?:dead|killed|victims|bodies|fatalities)\b|\bdes\s+(?:victimes|morts)\b",
    re.IGNORECASE,
)


# "four soldiers were among the dead": the count's own people are dead, at least that many (not "8 of the dead were")
_AMONG_THE_DEAD = re.compile(
    r"\b(?:were|was|are)\s+(?:also\s+)?among\s+the\s+(?:dead|killed|victims|fatalities)$", re.IGNORECASE
)


def _anchored(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern that can only begin at one of `starts`."""
    end = 0
    for start in starts:
        if start >= end and (m := pattern.match(text, start)) is not None:
            yield m
            end = max(m.end(), start + 1)


def _listed_deaths(text: str, taken: list[tuple[int, int]]) -> list[QuantityMention]:
    out = []
    for m in _LIST_KILLED.finditer(text):
        for part in _PART.finditer(m.group("list")):
            value = parse_number(part.group("num")) if part.group("num") else 1
            if value is None or _WOUNDED_PART.search(part.group()) or re.match(_UNCOUNTED, part.group(), re.I):
                continue  # "trois militaires tués, six blessés et dix terroristes neutralisés": the wounded live
            start = m.start("list") + part.start()
            out.append(QuantityMention("fatalities", value, "exact", start, m.start("list") + part.end(), part.group()))
            taken.append((start, m.start("list") + part.end()))
    return out


# Communiqués list the dead after a colon: "killed the following terrorists: 'A', 'B' and 'C'", "the following
# persons lost their lives: the village chief, his two sons and a teacher". Each item is one person unless it
# counts more ("his two sons").
_FOLLOWING = re.compile(
    rf"(?:(?:kill(?:ed|ing)|neutrali[sz](?:ed|ing)|eliminat(?:ed|ing)|tu[ée]|neutralis[ée]|abattu|"
    rf"(?:deaths?|loss|passing)\s+of|d[ée]c[èe]s|mort|perte)\s+"  # "regrets the death of the following"
    rf"(?:the\s+following|[ld]es\s+(?:[\w-]+\s+)?suivants)[^:.;]{{0,90}}?"
    rf"|(?:the\s+)?following(?:\s+[\w-]+){{0,2}}\s+(?:were\s+|was\s+|have\s+been\s+)?{_KILL_VERB}"
    rf"|(?:les\s+)?(?:[\w-]+\s+)?suivant(?:e|s|es)?\s+(?:ont\s+été\s+|ont\s+|sont\s+)?{_KILL_VERB})"
    rf"\s*:\s*(?P<list>[^.;]+)",
    re.IGNORECASE,
)
_LIST_SPLIT = re.compile(r"\s*(?:,|\band\b|\bet\b)\s*", re.IGNORECASE)

# "Among the dead were four children and two women", "the dead included nine soldiers and a driver", "parmi les
# morts figurent": who the dead were, item by item. It is the event's toll only where no other count tells it
# (_tolls.py), since such a list often names only some of the dead.
DEAD_LISTED = re.compile(
    r"(?:\bamong\s+(?:the|those)\s+(?:dead|killed|victims)\s+(?:were|was|are)|"
    r"\b(?:the\s+)?(?:dead|victims|fatalities)\s+(?:included|include)|"
    r"\bparmi\s+les\s+(?:morts|victimes|tu[ée]s)\s*(?:,|figurent|on\s+(?:compte|d[ée]nombre))?)\s*:?\s*",
    re.IGNORECASE,
)
_LISTED_ITEM = re.compile(rf"(?:{_BARE_NUMBER}|a|an|one|un|une)\s+\S", re.IGNORECASE)
# "..., a ministry spokesman announced": the words of telling (roles.json `telling_verbs` and `telling_markers`) end a
# list of who the dead were
_TOLD_BY = phrase_regex(
    {*load_data("roles.json")["telling_verbs"], *load_data("roles.json")["telling_markers"]}, re.IGNORECASE
)


def _who_the_dead_were(text: str, taken: list[tuple[int, int]]) -> list[QuantityMention]:
    out = []
    for marker in DEAD_LISTED.finditer(text):
        start = end = marker.end()
        rest = re.match(r"[^.;]*", text[start:]).group()  # type: ignore[union-attr]
        total, pos = 0, 0
        for item in _LIST_SPLIT.split(rest):
            words = item.strip()
            if not words or _TOLD_BY.search(words) or not _LISTED_ITEM.match(words):
                break
            counts = [n for w in words.split()[:1] if (n := parse_number(w)) is not None]
            total += counts[0] if counts else 1
            pos = rest.index(item, pos) + len(item)
            end = start + pos
        if total and not any(s <= start < e for s, e in taken):
            out.append(QuantityMention("fatalities", total, "exact", start, end, text[start:end]))
            taken.append((start, end))
    return out


def _following_list(text: str, taken: list[tuple[int, int]]) -> list[QuantityMention]:
    out = []
    for m in _FOLLOWING.finditer(text):
        items = [i for i in _LIST_SPLIT.split(m.group("list")) if i.strip()]
        if len(items) < 2:
            continue  # "the following: ..." naming one is no list, and other patterns read it
        total = 0
        for item in items:
            counts = [n for w in item.split()[:3] if (n := parse_number(w)) is not None]
            total += counts[0] if counts else 1
        start, end = m.start("list"), m.end("list")
        out.append(QuantityMention("fatalities", total, "exact", start, end, m.group("list").strip()))
        taken.append((m.start(), end))  # the verb's own object ("killed the following terrorists") is no one more
    return out


# "parmi les soldats", "côté assaillants", "dans les rangs de l'armée": which side a French count is of.
# "eight dead among the attackers", "in the ranks of the army": the English too (not "among them", "among the dead")
_SIDE = (
    r"(?:parmi|dans\s+les\s+rangs|du\s+c[ôo]t[ée]|c[ôo]t[ée]|among|in\s+the\s+ranks\s+of)\s+"
    r"(?:des?\s+|du\s+|les?\s+|la\s+|l['’]|the\s+)?(?!(?:them|whom|those|dead|victims|wounded|injured)\b)[\w'-]+"
)
# "cinq morts parmi les soldats et une dizaine côté assaillants": after a toll, a count of another side's dead
# told by the side alone.
_SIDE_COUNT = re.compile(rf"(?<![\w-]){_NUMBER}\s+(?:(?:morts?|tu[ée]s)\s+)?(?P<side>{_SIDE})", re.IGNORECASE)
_SIDE_AFTER = re.compile(rf"\s+{_SIDE}", re.IGNORECASE)


# "Côté assaillants, on compte cinq morts": the side told before a count that names no one
_SIDE_BEFORE = re.compile(
    r"(?:(?:du\s+)?c[ôo]t[ée]\s+(?:des?\s+|du\s+|les?\s+|la\s+|l['’])?(?P<word>[\w'-]+)\s*[,:]?\s*"
    r"(?:on\s+(?:compte|d[ée]nombre|d[ée]plore|relève|a\s+(?:compt[ée]|d[ée]nombr[ée]))|il\s+y\s+a(?:\s+eu)?)?"
    # "on the enemy side, twelve killed", "on the attackers' side, 11 dead"
    r"|\bon\s+(?:the\s+)?(?P<en_word>[\w-]+)(?:['’]s?)?\s+side\s*,?"
    # "the army put the militants' losses at seven dead", "les pertes ennemies s'élèvent à sept morts"
    r"|\b(?P<loss_word>[\w-]+)(?:['’]s?)?\s+(?:losses|casualties)\b[^.;:]{0,30}?\b(?:at|to)"
    r"|\bpertes\s+(?:de\s+l['’]\s*|des\s+|du\s+)?(?P<pertes_word>[\w-]+)[^.;:]{0,30}?\bà)\s*$",
    re.IGNORECASE,
)
_SIDE_WORDS = load_data("ontology.json")["side_words"]
_ENEMY_WORDS = set(_SIDE_WORDS["enemy"])
_FRIENDLY_WORDS = set(_SIDE_WORDS["friendly"])
_ANYONES_DEAD = set(_SIDE_WORDS["anyones_dead"])  # "12 bodies": dead of whichever side the words before tell
# "FDS: 2 KIA. Assailants: 5 KIA": field reports label a bare count with the side it is of; "Hostile: approx 12 KIA,
# 8 bodies counted": the label stands for every count of its line, up to the next label or full stop
_LABEL_BEFORE = re.compile(r"(?:^|[.;]\s*)(?P<word>[A-Za-zÀ-ÿ-]+)\s*:(?:(?:[^.;:]|(?<=approx)\.)*,)?\s*$")


# "2 dead on one side, 3 dead on the other": two sides, whoever they were
_ONE_SIDE_OR_OTHER = re.compile(r"\s+on\s+(?P<which>one|the\s+other)\b(?:\s+side)?", re.IGNORECASE)


# "FF KIA 0 WIA 1 | EN KIA 2", "UPDATE 0900Z: FF 3 KIA": a side word right before a KIA cell or count
_CELL_SIDE_BEFORE = re.compile(r"(?:^|[|;,.:]\s*)(?P<word>[A-Za-z-]+)\s+$")
_KIA_CELL = re.compile(r"(?-i:E?KIA)\b|\S+\s+(?-i:KIA)$")


def _side_before(text: str, q: QuantityMention) -> QuantityMention:
    cell = _CELL_SIDE_BEFORE.search(text, max(0, q.start - 30), q.start) if _KIA_CELL.match(q.text) else None
    if q.side is None and cell is not None:
        word = cell.group("word").lower()
        if word in PERPETRATOR_WORDS or word in _ENEMY_WORDS:
            return replace(q, side="armed")
        if word in _FRIENDLY_WORDS:
            return replace(q, side="state")
    if q.side is None and (other := _ONE_SIDE_OR_OTHER.match(text, q.end)) is not None:
        return replace(q, side=" ".join(other.group("which").lower().split()) + " side")
    label = _LABEL_BEFORE.search(text[max(0, q.start - 60) : q.start]) if q.side is None else None
    if label is not None and (counted_noun(q.text) in (None, "kia") or counted_noun(q.text) in _ANYONES_DEAD):
        word = label.group("word").lower()
        if word in PERPETRATOR_WORDS or word in _ENEMY_WORDS:
            return replace(q, side="armed")
        if word in _FRIENDLY_WORDS:
            return replace(q, side="state")
    if q.side is not None or (side := _SIDE_BEFORE.search(text[max(0, q.start - 60) : q.start])) is None:
        return q
    noun = counted_noun(q.text) or ""
    if _NOUN_KIND.get(noun, "total") == "person" and noun not in _ANYONES_DEAD:
        return q  # "côté ami, un soldat tombé": the noun says whose
    word = next(w for w in side.group("word", "en_word", "loss_word", "pertes_word") if w).lower()
    if word in PERPETRATOR_WORDS or word in _ENEMY_WORDS:
        return replace(q, side="armed")
    return replace(q, side="state" if word in _FRIENDLY_WORDS else word)


def _side_tolls(text: str, found: list[QuantityMention], taken: list[tuple[int, int]]) -> list[QuantityMention]:
    deaths = [q for q in found if q.kind == "fatalities"]
    if not deaths:
        return []
    found[:] = [_side_before(text, q) if q.kind == "fatalities" else q for q in found]
    deaths = [q for q in found if q.kind == "fatalities"]
    first = min(q.start for q in deaths)
    for q in deaths:  # "cinq morts parmi les soldats": a side's dead, not everyone's
        side = _SIDE_AFTER.match(text, q.end)
        if side is not None:
            found[found.index(q)] = replace(q, end=side.end(), text=text[q.start : side.end()])
    out = []
    for m in _SIDE_COUNT.finditer(text, first):
        value = parse_number(m.group("num"))
        if value is None or any(s <= m.start("num") < e for s, e in taken):
            continue
        out.append(QuantityMention("fatalities", value, "exact", m.start(), m.end(), m.group()))
        taken.append(m.span("num"))
    return out


_WOUNDED_PART = re.compile(rf"\b{_INJURE_VERB}$|\bWIA\b", re.IGNORECASE)


def _continuations(kind: str, text: str, pos: int, taken: list[tuple[int, int]]) -> list[QuantityMention]:
    out = []
    while (m := _next_group(kind, text, pos)) is not None:
        if m.group("one"):
            if kind == "fatalities":
                out.append(QuantityMention(kind, 1, "exact", m.start("one"), m.end(), m.group("one")))
            pos = m.end()
            continue
        mention = _mention(kind, m)
        if mention is None:
            break
        if m.re is _KILLED_CONTINUATION:  # ", his two grandsons": the group's own words say whose dead
            mention = replace(mention, text=mention.text.lstrip(", "))
        out.append(mention)
        taken.append(m.span("num"))
        pos = m.end()
    return out


# ", a local official said", ", the army's spokesman told reporters": who tells it, not one more of the dead
_SPEAKS = re.compile(r"\s+(?:\w+\s+)?(?:said|says|told|reported|added|stated|announced|confirmed|indicated)\b")


# "killing nine people, four of them children": who some of the counted were, not a group of their own
_SUBSET = re.compile(r"\b(?:of\s+(?:them|whom)|d['’]\s*entre\s+(?:eux|elles))\b", re.IGNORECASE)


def _next_group(kind: str, text: str, pos: int) -> re.Match[str] | None:
    """The next group of a list ("and three civilians"): of known nouns for any count, of any noun for the dead."""
    m = _CONTINUATION.match(text, pos)
    if m is not None and (_SPEAKS.match(text, m.end()) or _SUBSET.search(m.group())):
        return None
    if m is not None and (m.group("noun") or m.group("one")):
        return m
    if kind == "fatalities" and (m := _KILLED_CONTINUATION.match(text, pos)) is not None:
        return m if m.group("num") or m.group("det") else None  # "and his wife", not "..., officials said"
    return None


_BODIES = re.compile(r"\b(?:bodies|corpses|remains|corps|cadavres)\b", re.IGNORECASE)


# verbs that take goods as well as people: a bare count after them is no hostage count
_TAKING_ANYTHING = re.compile(r"(?:took|taking|seized|holding|held)\b", re.IGNORECASE)
_HOSTAGE_WORD = re.compile(r"\b(?:hostages?|captives?)$", re.IGNORECASE)


# "ce ne sont pas douze mais huit soldats", "not twelve but eight soldiers": the figure corrected, the second stands
_NOT_BEFORE = re.compile(r"\b(?:pas|not|non)\s+$", re.IGNORECASE)
_BUT_AFTER = re.compile(rf"\s+(?:mais|but)\s+(?P<num>{_BARE_NUMBER})(?![\w])", re.IGNORECASE)


def _mention(kind: str, m: re.Match[str]) -> QuantityMention | None:
    value = parse_number(m.group("num"))
    corrected = _BUT_AFTER.match(m.string, m.end("num")) if _NOT_BEFORE.search(m.string, 0, m.start("num")) else None
    if corrected is not None and corrected.end() <= m.end():
        value = parse_number(corrected.group("num"))
    if value is None or value > 100_000:
        return None
    noun = (m.groupdict().get("noun") or "").lower().split()
    noun_kind = _NOUN_KIND.get(" ".join(noun[-2:]), _NOUN_KIND.get(noun[-1] if noun else ""))
    if kind == "seized" and _BODIES.search(m.group()):
        kind = "fatalities"  # "found the bodies of four herders": the dead, not fighters taken
    if kind in ("seized", "deployed"):
        kind = {"weapon": "weapons", "vehicle": "vehicles", "post": "posts", "person": "fighters"}.get(
            noun_kind or "", ""
        )
        if not kind:
            return None
    elif kind in ("fatalities", "injured", "arrests", "hostages", "fighters") and noun_kind not in (None, "person"):
        return None
    if (
        kind == "hostages"
        and noun_kind is None
        and _TAKING_ANYTHING.match(m.group())
        and not _HOSTAGE_WORD.search(m.group())
    ):
        return (
            None  # "seized 3 000 litres of fuel": goods, whatever the count; people are named ("seized 12 villagers")
        )
    qualifier = _QUALIFIERS.get((m.groupdict().get("qual") or "").lower(), "exact")
    if m.groupdict().get("num2"):
        low = parse_number(m.group("num2"))
        if low is not None and low > value:
            qualifier = "at_least"  # "10 to 15 killed": the conservative figure, a lower bound
    if m.group("num").lower() in (
        "several dozen",
        "several hundred",
        "dozens",
        "dozens of",
        "tens",
        "tens of",
        "hundreds",
        "hundreds of",
        "scores",
        "several",
    ):
        qualifier = "at_least"
    return QuantityMention(kind, value, qualifier, m.start(), m.end(), m.group().strip())


# "18 people were killed before security forces killed the two assailants": the attackers are not among them.
PERPETRATOR_WORDS = {
    "assaillants",
    "terroristes",
    "djihadistes",
    "jihadistes",
    "assailants",
    "attackers",
    "gunmen",
    "militants",
    "jihadists",
    "terrorists",
    "bombers",
    "insurgents",
}
TOTAL_WORDS = {
    "people", "persons", "victims", "bodies", "individuals", "casualties", "personnes", "victimes", "morts", "corps",
    "cadavres", "fatalities", "deaths", "décès", "deces",
}  # fmt: skip
# "Twelve residents were killed and four others died": others are more dead, never everyone.
MORE_WORDS = {"others", "more"}


def fatalities_of(mentions: list[QuantityMention]) -> int | None:
    """Fatalities a sentence states: a toll if given; else distinct groups added ("two soldiers and three
    civilians"), the same group told twice counted once, and a figure for everyone standing for them all."""
    deaths = [q for q in mentions if q.kind == "fatalities"]
    if not deaths:
        return None
    tolls = [q.value for q in deaths if "toll" in q.text.lower() or q.text.lower().startswith("bilan")]
    if tolls:
        return min(tolls)
    total, groups = 0, {}
    for q in deaths:
        words = _WORDS_OF.findall(q.text.lower())
        noun = next((w for w in reversed(words) if w in _NOUN_KIND or w in TOTAL_WORDS), None)
        # "Four US soldiers and four Nigerien soldiers": two groups; "4 soldiers ... four soldiers died": one
        group = noun if noun in TOTAL_WORDS else _group_words(q.text) or q.text.lower()
        if (side := _SIDE_AFTER.search(q.text)) is not None:  # "3 morts dans les rangs de l'armée": one side's
            group = _WORDS_OF.findall(side.group().lower())[-1]
        if group in TOTAL_WORDS:
            total = max(total, q.value)  # "hundreds of people": everyone
        else:
            groups[group] = max(groups.get(group, 0), q.value)  # the same group told twice counts once
    attackers = sum(v for g, v in groups.items() if g in PERPETRATOR_WORDS)
    return max(total + attackers, sum(groups.values()))


_WORDS_OF = re.compile(r"[^\W\d_]+")  # letters, accented ones too: 'été' is one word, not 't'
_NOT_NOUNS = {
    "were", "was", "have", "has", "had", "been", "being", "are", "is", "reportedly", "reported", "all", "and", "the",
    "a", "an", "of", "his", "her", "their", "its", "at", "least", "more", "than", "some", "about", "around", "up", "to",
    "or", "between", "over", "nearly", "almost", "them", "in", "total", "leaving", "left", "killing", "killed",
    "ont", "été", "sont", "avaient", "avait", "les", "des", "de", "du", "d", "l", "leurs", "leur", "au", "moins",
    "plus", "him", "also", "too", "later", "subsequently", "likewise", "aussi", "également", "ensuite",
}  # fmt: skip


def _group_words(text: str) -> str:
    words = [w for w in _WORDS_OF.findall(text.lower()) if w not in _NOT_NOUNS and parse_number(w) is None]
    return " ".join(w for w in words if not re.fullmatch(_KILL_VERB, w, re.IGNORECASE))


def counted_noun(text: str) -> str | None:
    """What a count counts ('killed 2 worshippers' -> 'worshippers'); None for a bare figure ('4 dead', 'killing
    12') that counts everyone."""
    words = [w for w in _WORDS_OF.findall(text.lower()) if w not in _NOT_NOUNS and parse_number(w) is None]
    words = [w for w in words if not re.fullmatch(_KILL_VERB, w, re.IGNORECASE)]
    return words[-1] if words else None


def to_quantities(mentions: list[QuantityMention]) -> list[Quantity]:
    return [Quantity(kind=q.kind, value=q.value, qualifier=q.qualifier, text=q.text) for q in mentions]  # type: ignore[arg-type]
