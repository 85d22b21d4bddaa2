"""The regular expressions that find counts in a sentence, for _quantities.py.

A count is a number (digits, words, a vague word) with what it counts: a noun of people, vehicles, weapons or posts
(ontology.json `counted_nouns`), a verb that says what befell them (killed, wounded, arrested, kidnapped, seized,
deployed) and the words that may stand between. The patterns are built once, at import, from those vocabularies and
from the death phrases, vague numbers and month names of the ontology; _quantities.py runs them and reads what
they match.
"""

from __future__ import annotations

import re

from ._ontology import load_ontology
from ._text import load_data

__all__ = [
    "ANY_PERSON",
    "BARE_NUMBER",
    "BOMBER_TOLD_DEAD",
    "COMPILED",
    "CONTINUATION",
    "COUNT_BEFORE",
    "COUNT_FIRST",
    "COUNT_START",
    "DEATH_PHRASES",
    "ENDS_WITH_VERB",
    "INJURE_VERB",
    "KILLED_CONTINUATION",
    "KILL_VERB",
    "LABELLED_LIST",
    "LABEL_INDEX",
    "LIST_KILLED",
    "LIST_QUALIFIER",
    "MONTHS_OF_LABEL",
    "NOUN_KIND",
    "NUMBER",
    "OF_NAME",
    "OF_WHAT",
    "PART",
    "PEOPLE_AFTER",
    "QUALIFIERS",
    "RANKED_ITEM",
    "RANKED_LIST",
    "SINGULAR_KILLED",
    "UNCOUNTED",
    "VERB_FIRST",
    "WORDS",
    "WOUNDED_PART",
]

_COUNTED = load_data("ontology.json")["counted_nouns"]
# what each noun counts: "five soldiers" are people, "three pick-ups" vehicles (ontology.json `counted_nouns`)
NOUN_KIND = {noun: kind for kind in ("person", "vehicle", "weapon", "post") for noun in _COUNTED[kind]}
_NOUN_RX = "|".join(sorted(NOUN_KIND, key=len, reverse=True))

# Whom a killing verb takes is living: in a list of the killed any noun counts its people ("a shepherd, his two
# grandsons and a blacksmith", "trois bergers et un commerçant"), save those that name no one (ontology.json
# `not_victims`) and the things counted above. The noun must end its phrase, so that "killing 4 across the region"
# or "a young herder" is not read at "across" or "young".
_NOT_VICTIMS = sorted(
    set(load_data("ontology.json")["not_victims"]["words"])
    | {n for n, kind in NOUN_KIND.items() if kind != "person" and " " not in n},
    key=len,
    reverse=True,
)
# where a noun phrase ends: punctuation (a dash aside's too), or a word that starts what follows it
_NP_END = (
    r"(?=\s*(?:[,;:.!?)—–]|-\s|$|\b(?:and|et|or|ou|as well as|plus|in|at|on|near|from|who|whom|while|when|after|before|"
    r"during|outside|inside|along|between|of|en|à|au|aux|près|dans|lors|par|ont|a été|sont|were|was|had|have|de|du|des|"
    r"d['’])(?![\w'’])))"
)
# not a day of a month, which _quantity_masks.without_years masks as "d" or "dd" ("a tué le 3 mai")
_NOT_A_DAY = r"(?!d{1,2}(?:er)?(?![\w'’]))"
_ANY_NOUN = rf"(?!(?:{'|'.join(_NOT_VICTIMS)})\b){_NOT_A_DAY}(?-i:[a-zà-ÿ][a-zà-ÿ'-]*[a-zà-ÿ])"
ANY_PERSON = rf"(?:(?-i:[a-zà-ÿ-]+)\s+){{0,2}}?{_ANY_NOUN}\b{_NP_END}"

_SINGULAR_NOUN = "|".join(re.escape(n) for n in _COUNTED["singular_person"])
# the ranks a communiqué names its dead by ("the death of Corporal Issa Tapsoba", "la mort du sergent Ali Maïga")
_RANKS = (
    "private|lance\\s+corporal|corporal|sergeant|staff\\s+sergeant|warrant\\s+officer|lieutenant|second\\s+lieutenant|"
    "captain|major|colonel|lieutenant\\s+colonel|adjutant|"
    "soldat|caporal(?:-chef)?|sergent(?:-chef)?|adjudant(?:-chef)?|sous-lieutenant|lieutenant|capitaine|commandant|"
    "gendarme|brigadier(?:-chef)?|maréchal\\s+des\\s+logis(?:-chef)?|colonel|lieutenant-colonel"
)
# "Sergeant Musa Bello and Corporal Ali Idris were killed", "le sergent Moussa Traoré et le caporal Ali Diallo ont été
# tués": a list of the dead named by rank and name, each item one person
_RANKED_NAME = (
    rf"(?:(?:the|le|la|l['’])\s*)?(?:{_RANKS})\s+(?-i:[A-ZÀ-Ý][\w'’-]+)"
    r"(?:\s+(?-i:[A-ZÀ-Ý][\w'’-]+|ag|ould|ben|bin)){0,3}"  # "Ali Ag Moussa", "Sidi Ould Ahmed"
)
# a side's men, in the plural after "one of its" and in French: who a side loses ("lost one of its soldiers")
_MEN = "men|soldiers|troops|fighters|officers|gendarmes|policemen|guards|comrades|members|elements|agents"
_HOMMES = "hommes|soldats|militaires|gendarmes|policiers|gardes|camarades|éléments|agents|combattants"
_HOMME = "homme|soldat|militaire|gendarme|policier|garde|agent|élément|combattant|sous-officier|officier"
_SINGULAR = rf"(?:a|an|one|the|their|his|her|its|another)\s+(?:[\w-]+\s+){{0,2}}?(?:{_SINGULAR_NOUN})\b"
QUALIFIERS: dict[str, str] = _COUNTED["qualifiers"]  # "more than 20": at_least
_QUALIFIER = rf"(?P<qual>{'|'.join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))})"
WORDS = sorted(load_ontology().vague_numbers, key=len, reverse=True)
# French tens take their units after a hyphen ("vingt-deux") or "et" ("vingt et un", "soixante et onze"); only after a
# ten, so that "deux et une dizaine" stays two counts.
_FRENCH_TENS = "|".join(rf"(?<=\b{t})" for t in ("vingt", "trente", "quarante", "cinquante", "soixante"))
_FRENCH_UNITS = (
    rf"(?:{_FRENCH_TENS})(?:(?:\s+et\s+|-et-)(?:un|une|onze)|-(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|"
    r"treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf))(?![\w-])"
)
NUMBER = (
    r"(?P<num>\d{1,3}(?:[,\s]\d{3})+|\d+|(?:"
    + "|".join(re.escape(w) for w in WORDS if w not in ("a", "an", "one", "some", "un", "une"))
    + r")(?![\w])(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)|"  # whole words: 'seize', not 'seized'
    + _FRENCH_UNITS
    + r")?)"
    + r"(?:\s\(\d{1,6}\))?"  # "four (04)": communiqués write a number twice
    + r"(?:(?<=\d)x(?=\s))?"  # "2x KIA (FF), 5x EKIA": field shorthand's multiplier sign, written against the digits
)
_NUM_PHRASE = (
    rf"(?:{_QUALIFIER}(?:\s+|(?<=['’])))?(?:(?:all\s+)?(?:the|its|their|his|her)\s+|all\s+|another\s+|(?:tous\s+|toutes\s+)?(?:ses|leurs|les)\s+)?{NUMBER}(?:\s+(?:of\s+)?(?:the\s+|their\s+|them\s+|his\s+|her\s+|its\s+)?|"
    rf"\s+d['’]\s*entre\s+(?:eux|elles)(?=\s)|\s+d['’]\s*)?"  # "une dizaine d'assaillants", "trois d'entre eux"
)
_RANGE = r"(?:\s*(?:-|to|–|and|or|et)\s*(?P<num2>\d+))?"  # "between 10 and 15", "entre 10 et 15"

# ", including women and children," between a number and its verb
_ASIDE = (
    r"(?:\s*,\s*(?:including|among them|most of them|mostly|many of them|some of them|all of them|mainly|dont|"
    r"[\w-]+\s+of\s+(?:them|whom)|"  # "five people, three of them soldiers, were killed"
    r"parmi (?:eux|elles|lesquels|lesquelles))"
    r"\b[^,.;]{1,50},"
    # "Four soldiers - two of them officers - were killed", "Quatre soldats — dont deux officiers — ont été tués": an
    # aside between spaced dashes (a hyphen inside a word is none)
    r"|\s+[-–—]\s+(?:[^-–—.;]|\w-\w){1,50}?\s+[-–—](?=\s))"
)
# Deaths at someone's hands written as the verb a count stands before ('were beaten to death', 'ont été lynchés'):
# ontology.json `death_phrases`.
DEATH_PHRASES = load_data("ontology.json")["death_phrases"]
_DEATH_PHRASE = "|".join(DEATH_PHRASES["patterns"])
_DEATH_NOUN = "|".join(DEATH_PHRASES["death_nouns"])  # "five fatalities", "cinq décès"
# every month's names and abbreviations, English and French (ontology.json `months`): "KIA: 3 APR" is a date
_MONTH_WORDS = load_data("ontology.json")["months"]
MONTHS_OF_LABEL = "|".join(
    sorted(
        {*_MONTH_WORDS["en"], *_MONTH_WORDS["fr"]}
        | {a for names in _MONTH_WORDS["abbreviations"] + _MONTH_WORDS["french_abbreviations"] for a in names},
        key=len,
        reverse=True,
    )
)
_DEATH_BEFORE = "|".join(DEATH_PHRASES["before_count"])  # "le décès de cinq soldats"
_BURIALS = "|".join(DEATH_PHRASES["burials"])  # "we buried nine people": the dead
_DIED_OF_WOUNDS = "|".join(DEATH_PHRASES["died_of_wounds"])
# "trois soldats sont tombés lors de l'attaque": those who fell in a fight died (a person counted; shells fall too)
_FELL_IN_A_FIGHT = "|".join(DEATH_PHRASES["fell_in_a_fight"])  # "1 WIA (DOW)": a wounded man who died
# whole words: the French 'tué' is not the 'Tue' of 'Tuesday'
# ("four of our soldiers fell." ends its clause on the verb: a count that names no person is dropped, as shells fall)
# "were shot and killed", "was abducted and later killed", "ambushed and killed": a participle of what was done to
# the dead before they were killed, joined to the killing verb (the killing verb alone says they died)
_DONE_AND = (
    r"(?:(?:shot|stabbed|ambushed|attacked|abducted|kidnapped|captured|seized|tortured|beaten|hacked|robbed|raped|"
    r"dragged\s+out|taken\s+away|rounded\s+up)\s+and\s+(?:then\s+|later\s+|subsequently\s+)?)?"
)
KILL_VERB = rf"{_DONE_AND}(?:{_DEATH_PHRASE}|killed|(?:fatally|mortally)\s+(?:shot|stabbed|hit)|gunned down|dead|died|slain|perished|murdered|executed|beheaded|shot dead|neutrali[sz]ed|eliminated|lost their lives|massacred|assassinated|martyred|(?-i:E?KIA)|(?-i:DOW)|fell(?=\s+(?:on|in|during|while|when|as|at|under|with\s+honou?r|with\s+(?:their|his|her)\s+arms?)\b)|fell(?=\s*(?:[.;]|$))|tomb[ée]e?s(?=\s+(?:au champ d['’]honneur|au combat|les armes à la main|en martyrs?)\b)|tomb[ée]e?s(?=\s*(?:[.;,)]|$))|tomb[ée]e?s(?=\s+(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier)(?:\s+(?:soir|matin))?\s+)?(?:{_FELL_IN_A_FIGHT}))|tu[ée]e?s|tu[ée]e?|morts|ont péri|péri|trouvé la mort|perdu la vie|laiss[ée] la vie|succomb[ée]s?|succumbed|neutralis[ée]e?s|abattue?s|[ée]limin[ée]e?s|ex[ée]cut[ée]e?s|assassin[ée]e?s|(?<=retrouv[ée]s )sans vie|(?<=retrouv[ée]es )sans vie)(?![\w])"  # noqa: E501
RANKED_LIST = re.compile(
    rf"(?<![\w-])(?P<list>{_RANKED_NAME}(?:\s*,\s*{_RANKED_NAME})*\s*,?\s+(?:and|et)\s+{_RANKED_NAME})"
    rf"\s*,?\s+(?:were|have\s+been|had\s+been|ont\s+été|avaient\s+été|sont|ont)?\s*(?:(?:also|reportedly|all)\s+)?"
    rf"(?:{KILL_VERB})",
    re.IGNORECASE,
)
RANKED_ITEM = re.compile(_RANKED_NAME, re.IGNORECASE)
INJURE_VERB = r"(?:injured|wounded|hurt|bless[ée]e?s|hospitali[sz]ed)"
_ARREST_VERB = (
    r"(?:arrested|detained|apprehended|captured|caught|taken into custody|placed in custody|"
    r"held(?!\s+(?:hostage|captive))|rounded up|interpellés|arrêtés)"
)
_ABDUCT_VERB = r"(?:kidnapped|abducted|taken hostage|held hostage|seized|enlevés|taken captive)"

# A date between a verb and what it counts, as communiqués word it ("neutralised, on 8 June 2025, two terrorists",
# "ont neutralisé, le 8 juin, deux terroristes"). A date's year is the date's, never the count ("were neutralised on 4
# May 2025 near Tessit" counts no 2025 dead).
# "a tué le 3 mai 2026 quatre commerçants": a date between the verb and its count (the day masked as "d" or "dd" by
# _quantity_masks.without_years, the year as "yyyy")
_WHEN = (
    r"(?:,?\s+(?:(?:on|le)\s+(?:(?:\d{1,2}|d{1,2})(?:er)?\s+[^\W\d]+(?:\s+(?:\d{4}|yyyy)\b|(?!\s+\d{4}\b))|[A-Z][a-z]+day)|"
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier)(?:\s+(?:soir|matin))?),?)?"  # "a tué samedi six"
)
# "ont exécuté sommairement quatre hommes", "a abattu froidement deux bergers": a French adverb of manner between the
# verb and its count ("notamment" names some of them, no manner)
_MANNER = r"(?:\s+(?!notamment\b)(?-i:[a-zàâçéèêîôû]+ment)\b)?"
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
# A headline's or a summary's present tense: "Des jihadistes tuent six civils", "L'armée abat cinq assaillants", "Army
# neutralises 12 terrorists" (the French "tue" in lower case only: "Tue 12 May" is a day)
_PRESENT_KILLS = (
    r"(?-i:tuent|tue)|abat(?:tent)?|(?:neutralis|[ée]limin|ex[ée]cut|assassin|massacr)ent|(?:[ée]limin|ex[ée]cut|"
    r"assassin|massacr)e|neutrali[sz]es|eliminates|executes|massacres|beheads|shoots?\s+dead|guns\s+down"
)
_COUNT = rf"{_NUM_PHRASE}{_RANGE}(?:['\u2019\u201d]|\")?\s*(?P<noun>(?:\w+[\s-]){{0,3}}?(?:{_NOUN_RX})\b)?"
# a field report's label before its figure: "Fatalities: 3", "Soldiers killed: 3. Militants killed: 5", "Tués : 4"
# and a table's cell, "FF KIA 0 WIA 1 | EN KIA 2": KIA before its digits, without a colon, or before a number in words
# that its digits repeat ("KIA three (3) FF; EKIA seven (7)")
_LABEL_COUNT = rf"(?:(?P<noun>{_NOUN_RX})\s+)?(?:(?:killed|dead|{_DEATH_NOUN}|(?-i:E?KIA)|tu[ée]s|morts)\s*:|(?-i:E?KIA)(?=\s+(?:\d|[a-z-]+\s*\(\d+\))))\s*{NUMBER}(?![\w:/-]|\.\d)(?!\s+(?:{MONTHS_OF_LABEL})\b)"  # noqa: E501
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "12 soldiers were killed", "4 dead", "at least 20 people have died"
    ("fatalities", rf"{_COUNT}(?:\s*\([^)]*\))?{_ASIDE}?{_TAKEN_WHEN}?(?:\s+(?!(?:and|et)\b)\w+){{0,3}}?\s+(?:were|was|have been|had been|are|have|had|been|being|reportedly|reported|all|ont été|avaient été|auraient été|sont)?\s*(?:(?:later|also|subsequently|then)\s+)?{KILL_VERB}"),  # noqa: E501
    # "killing 4 soldiers", "killed at least 12", "left 3 dead", "death toll rose to 9"
    ("fatalities", rf"(?:(?:killing|neutrali[sz]ation|elimination|deaths?|murder|execution|massacre|assassination|loss) of|perte de|(?:neutralisation|[ée]limination|ex[ée]cution|assassinat) de|kill(?:ed|ing|s)?|gunn(?:ed|ing) down|mow(?:ed|ing) down|slaughter(?:ed|ing)|lynch(?:ed|ing)|(?:left|leaving)(?=(?:\s+[\w,'-]+){{1,6}}?\s+(?:dead|killed|morts)\b)|(?:fatally|mortally)\s+(?:wound|injur|shoot|stabb)(?:ed|ing)|blessant\s+mortellement|(?:claimed|claiming|cost|costing|took|taking) the lives of|(?:the\s+)?(?:dead|victims|fatalities)\s+numbered|(?:morts|victimes|tu[ée]s),?\s+au\s+nombre\s+de|lost|losing|perdant|(?:a|ont|avons|avait|avaient) perdu|death toll (?:\w+\s+){{0,3}}?(?:to|of|at|reached|stands at|stood at)|toll (?:\w+\s+){{0,2}}?(?:to|of|at)|execut(?:ed|ing)|neutrali[sz](?:ed|ing)|eliminat(?:ed|ing)|massacr(?:ed|ing)|behead(?:ed|ing)|shot dead|(?:beat(?:en)?|stoned|hacked|clubbed|burned|stabbed) to death|tuant|(?:neutralis|abatt|[ée]limin|ex[ée]cut|assassin)ant|tué|{_PRESENT_KILLS}|neutralis[ée]|abattu|lynch[ée]|ex[ée]cut[ée]|co[uû]t[ée] la vie [àa]|co[uû]tant la vie [àa]|permis de (?:neutraliser|tuer|abattre|[ée]liminer)|{_DEATH_BEFORE}){_WHEN}{_MANNER}\s+{_COUNT}"),  # noqa: E501
    # "two suicide bombers blew themselves up", "detonated their vests", "deux kamikazes se sont fait exploser"
    ("fatalities", rf"{_COUNT}\s+(?:\w+\s+){{0,2}}?(?:blew themselves up|detonated their (?:explosive |suicide )?(?:vests|belts)|se sont fait exploser|ont fait exploser leurs (?:ceintures|gilets|charges))"),  # noqa: E501
    # "five fatalities and 12 injured": the words before the verb are no noun of the dead
    ("injured", rf"{_COUNT}(?:\s+(?!(?:{_DEATH_NOUN})\b)\w+){{0,3}}?\s+(?:were|was|have been|had been|are|others)?\s*{INJURE_VERB}"),  # noqa: E501
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
    ("fatalities", rf"{_COUNT}(?:\s+of\s+(?:the\s+)?(?:[\w'-]+\s+){{0,4}}?)?\s*,?\s*(?:who|that)\s+(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+)?{KILL_VERB}"),  # noqa: E501
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
    ("fatalities", rf"{_COUNT}\s+(?:de|du|des)\s+(?:la\s+|l['’]\s*)?[\w'’-]+(?:\s+[\w'’-]+)?\s+(?:(?:sont|ont\s+été|avaient\s+été|auraient\s+été)\s+(?:\w+\s+)?{KILL_VERB}|(?:ont|avaient)\s+(?:perdu\s+la\s+vie|péri|trouvé\s+la\s+mort|succomb[ée]))"),  # noqa: E501
    # "Two members of the National Guard were killed", "four members of a local self-defence militia were shot dead"
    ("fatalities", rf"{_NUM_PHRASE}{_RANGE}\s*(?P<noun>(?:\w+[\s-]){{0,3}}?(?:{_NOUN_RX})\b)\s+(?:of|from)\s+(?:the\s+|an?\s+|their\s+)?(?:{_BODY_NAME}|(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+)\s+(?:were|was|have\s+been|had\s+been)?\s*(?:also\s+|reportedly\s+)?{KILL_VERB}"),  # noqa: E501
    ("fatalities", rf"\bbilan\b[^.;:!?]{{0,160}}?\b(?:a\s+été\s+|est\s+)?(?:port[ée]|pass[ée]|s['’]est\s+alourdi|grimp[ée]|revu\s+à\s+la\s+hausse)\s+(?:à\s+)?{_COUNT}"),  # noqa: E501
    # "the army reported five fatalities", "on compte cinq décès": a noun that is the dead, right after the count
    ("fatalities", rf"{_NUM_PHRASE}{_RANGE}\s*(?P<noun>{_DEATH_NOUN})\b"),
    ("fatalities", _LABEL_COUNT),  # a field report's label before its figure
    # "the attack cost five soldiers their lives"
    ("fatalities", rf"(?:cost|costing)\s+{_COUNT}\s+(?:their|his|her)\s+lives?\b"),
    # "One of the wounded died on Tuesday", "one of the injured soldiers later succumbed": one more dead ('Two of the
    # wounded' is read above; 'one' alone is no count there)
    ("fatalities", rf"(?P<num>one)\s+of\s+the\s+(?:wounded|injured)(?:\s+(?!(?:and|but)\b)[\w-]+)?\s+(?:(?:later|subsequently)\s+)?{KILL_VERB}"),  # noqa: E501
    # "we buried nine people", "nous avons enterré huit personnes": the dead, named by a noun of people (not "buried
    # 3 tonnes of explosives")
    ("fatalities", rf"(?:{_BURIALS}){_WHEN}\s+{_NUM_PHRASE}{_RANGE}\s*(?P<noun>(?:\w+[\s-]){{0,2}}?(?:{_NOUN_RX}))\b"),
    # "2 KIA, 1 WIA (DOW)": the wounded the field report says died of their wounds are dead
    ("fatalities", rf"{_NUM_PHRASE}(?-i:WIA)\s*\(\s*(?:{_DIED_OF_WOUNDS})\b"),
    # "the number of dead stands at 14", "le nombre de morts s'élève à 14": the toll told as the dead's number
    ("fatalities", rf"\b(?:number|nombre)\s+(?:of|de)\s+(?:the\s+)?(?:dead|deaths|fatalities|victims|those\s+killed|morts|tu[ée]s|d[ée]c[èe]s)\s+(?:(?:has|had|now|a|est)\s+)?(?:is|was|stands\s+at|stood\s+at|rose\s+to|risen\s+to|climbed\s+to|reached|s['’][ée]l[èe]ve\s+à|s['’]est\s+[ée]lev[ée]\s+à|(?:est\s+)?pass[ée]\s+à|atteint)\s+{_COUNT}"),  # noqa: E501
    # "the toll was 7", "the death toll is now nine", "the toll was later put at 7 by the governor", "the toll of the
    # raid was given as twelve": the toll told by its copula, the figure right after it (or after a verb that sets it)
    ("fatalities", rf"(?:death\s+)?toll\s+(?:(?:of|from)\s+(?:the\s+)?[\w'’-]+\s+)?(?:is|was|has\s+been|had\s+been)(?:\s+(?:later|since|now|finally|officially|subsequently|eventually))?(?:\s+(?:put|set|fixed|given|estimated|revised|lowered|raised|brought|corrected|reduced|cut|updated)(?:\s+(?:down|up)(?:wards?)?)?(?:\s+(?:at|as|to))?)?\s+{_COUNT}"),  # noqa: E501
]  # fmt: skip
COMPILED = [(kind, re.compile(rf"(?<![\w-]){p}", re.IGNORECASE)) for kind, p in _PATTERNS]
LABEL_INDEX = _PATTERNS.index(("fatalities", _LABEL_COUNT))
# "leaving eight dead: three soldiers and five attackers": a count before the word makes it no label
COUNT_BEFORE = re.compile(rf"(?<![\w-]){NUMBER.replace('(?P<num>', '(?:')}\s+$", re.IGNORECASE)
# The patterns that begin with the count can only match where a qualifier, 'the' or a number begins: they are tried
# there alone (anchored), not at every character of the sentence.
COUNT_FIRST = {i for i, (_, p) in enumerate(_PATTERNS) if p.startswith((_COUNT, _NUM_PHRASE))}
COUNT_START = re.compile(rf"(?<![\w-])(?:{_QUALIFIER}|the|another|{NUMBER})", re.IGNORECASE)
_KIN = (
    "son|daughter|wife|husband|brother|sister|father|mother|nephew|niece|cousin|uncle|child|grandson|bodyguard|"
    "driver|escort|companion|guard|assistant|deputy"
)
# "killed two soldiers and three civilians", "a chief and his son": the groups after the first, each its own mention.
# Nouns of people by what they do or are ("smuggler", "interpreter", "journalist", "guardsman", "resident")
_PERSON_SUFFIX = "(?:er|or|ist|man|ant|ent|ian|ee)"
BARE_NUMBER = NUMBER.replace("(?P<num>", "(?:")
PEOPLE_AFTER = re.compile(rf"\s*{ANY_PERSON}", re.IGNORECASE)  # after a number, the noun needs no plural
# After a killing verb's first victims: "..., his two grandsons and a blacksmith", whatever the nouns.
_FRENCH_PARTICIPLE = r"été|eu|fait|dit|appris|reconnu|admis|écrit|soutenu|[a-zà-ÿ]+é"
KILLED_CONTINUATION = re.compile(
    rf"\s*(?:,\s*)?(?:and|et|as well as|plus|,)\s+(?:(?:à|aux|to)\s+)?"  # "la vie à quatre soldats et à deux civils"
    # (not the French auxiliary before its participle: "..., a indiqué le maire", "..., qui a tué sept civils, a été
    # revendiquée" name no one more)
    rf"(?:(?P<det>his|her|their|its|the|son|sa|ses|leurs?|le|la|a(?!\s+(?:{_FRENCH_PARTICIPLE})\b)|an|one|un|une)\s+)?"
    rf"(?:{NUMBER}\s+{ANY_PERSON}|(?P<one>(?!{BARE_NUMBER}\b){ANY_PERSON}))",
    re.IGNORECASE,
)
CONTINUATION = re.compile(
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
UNCOUNTED = (
    r"(?:an?\s+)?(?:unknown|undetermined|unspecified|undisclosed|indeterminate|unconfirmed)\s+number\s+of\s+\w+|"
    r"un\s+nombre\s+(?:ind[ée]termin[ée]|inconnu)\s+d['’]?\s*\w+"
)
# "two soldiers and at least nine militants": a qualifier before a group's number, inside a list
LIST_QUALIFIER = _QUALIFIER.replace("(?P<qual>", "(?:")
# "9 militants and 1 soldier died": one person counted in digits, inside a list (the noun singular, no plural's -s)
_ONE_IN_DIGITS = rf"1\s+(?:[\w-]+\s+){{0,2}}?(?:{_SINGULAR_NOUN})\b"
_SIMPLE_COUNT = (
    # the words before the noun stop at "and"/"et": "Quatre soldats et deux assaillants" is two groups ("deux" ends
    # like a French plural); "une dizaine d'assaillants et trois soldats" too
    rf"(?:{UNCOUNTED}|(?:{LIST_QUALIFIER}\s+)?{NUMBER}\s+(?:d['’]\s*)?(?:(?!(?:and|et)\b)\w+\s+){{0,2}}{_LIST_NOUN}(?:\s+of\s+(?:the\s+)?\w+(?:\s+\w+)?)?|{_SINGULAR}|{_ONE_IN_DIGITS}|"
    # "trois bergers et un commerçant ont été tués", "three soldiers and an interpreter were killed"
    # "cinq soldats et leur interprète ont été tués"
    # ("4 wounded on our side and ...": a side is no one; not "lost their lives and 15 ...")
    rf"(?:un|une|son|sa|leur|an?|their|his|her|its|our)\s+(?!(?:side|sides|camp|ranks|own)\b){_ANY_NOUN}\b)"
)
_ANY_COUNT = _SIMPLE_COUNT.replace("(?P<num>", "(?:")
LIST_KILLED = re.compile(
    # not inside an aside ("three civilians, including a woman and her baby, were killed")
    rf"(?<![\w-])(?<!dont )(?<!including )(?<!them )(?<!notamment )"
    rf"(?P<list>{_ANY_COUNT}(?:\s*,\s*{_ANY_COUNT})*(?:\s*,)?\s+(?:and|et)\s+{_ANY_COUNT})"
    rf"{_ASIDE}?\s*,?\s+(?:y\s+)?(?:were|was|have been|had been|are|all|ont été|a été|sont|ont|avaient été)?\s*"
    rf"(?:(?:reportedly|reported|confirmed)\s+)?{KILL_VERB}",  # "... and five militants were reported dead"
    re.IGNORECASE,
)
PART = re.compile(rf"(?<![\w-]){_SIMPLE_COUNT}", re.IGNORECASE)
# "Toll: 3 soldiers, 7 militants", "Fatalities: four soldiers and nine assailants", "Bilan : 3 soldats, 7 assaillants":
# a summary's toll label before a list of counted people, each group dead, with no verb after them. The list must end
# the clause (a verb after it says what befell them, which the patterns read: "3 soldiers, 2 militants wounded").
LABELLED_LIST = re.compile(
    r"(?<![\w-])(?:(?:death\s+)?toll|fatalities|dead|killed|bilan(?:\s+(?:provisoire|d[ée]finitif|humain))?|morts|tu[ée]s)"
    rf"\s*:\s*(?P<list>{_ANY_COUNT}(?:\s*,\s*{_ANY_COUNT})*(?:\s*,)?(?:\s+(?:and|et)\s+{_ANY_COUNT})?)"
    r"(?=\s*(?:[.;)]|$))",
    re.IGNORECASE,
)
VERB_FIRST = {1, 4, 6, 8, 10, 11, 16, 18}  # indexes of the patterns whose numbers follow the verb
# A French singular's noun and up to two words after it ("un voleur présumé"), not a thing a verb of killing can take
# ("un drone a été abattu" is shot down).
BOMBER_TOLD_DEAD = (
    r"(?:the\s+(?:suicide\s+)?bomber|le\s+kamikaze)\s+(?:(?:also|too|himself|herself|a|lui|elle|aussi|également|même)\s+)*"
    r"(?:died|was\s+(?:also\s+)?killed|perished|péri|trouvé\s+la\s+mort|été\s+tu[ée]e?|perdu\s+la\s+vie|est\s+mort)"
)
_FRENCH_ONE = (
    rf"(?!(?:{'|'.join(_NOT_VICTIMS)})\b){_NOT_A_DAY}(?-i:[a-zà-ÿ][\w'’-]*)"
    r"(?:\s+(?-i:[a-zà-ÿ][\w'’-]*)){0,2}?"
)
_FRENCH_KILLED = "|".join(DEATH_PHRASES["french_singular"])
_FRENCH_DIED = "|".join(DEATH_PHRASES["french_singular_active"])
_FRENCH_BEING = "|".join(DEATH_PHRASES["french_singular_being"])
SINGULAR_KILLED = re.compile(
    rf"(?<![\w-])(?:kill(?:ed|ing)|shot dead|(?:fatally|mortally)\s+(?:wound|injur|shoot|stabb)(?:ed|ing)|"
    rf"execut(?:ed|ing)|behead(?:ed|ing)|assassinat(?:ed|ing)|murder(?:ed|ing)|"
    rf"lynch(?:ed|ing)|neutrali[sz](?:ed|ing)|eliminat(?:ed|ing)|beheading of|killing of|murder of|"
    rf"assassination of|(?:beat|beaten|stabbed|hacked|stoned|burned|"
    rf"clubbed) to death)\s+(?:the\s+)?{_SINGULAR}\b"
    # "the beheading of French tourist Jean Roe", "the assassination of Mayor Ali Doe": one person, named
    rf"|(?<![\w-])(?:beheading|killing|murder|assassination|execution|lynching)\s+of\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?-i:[A-Z][\w'-]+\s+[A-Z][\w'-]+)\b(?=\s*(?:[,.;:)]|$|(?:in|at|on|near|by|who|whom|was|were)\b))"
    rf"|(?<![\w-]){_SINGULAR}\s+(?:was|has been|had been)\s+(?:\w+\s+)?{KILL_VERB}"
    # "One soldier killed, 4 wounded.", "one soldier killed in action"
    rf"|(?<![\w-]){_SINGULAR}\s+{KILL_VERB}(?=\s*(?:[,.;]|and\b|$|in\s+(?:action|combat)\b))"
    # "Friendly losses: one killed, two wounded", "one dead and three injured": a toll list's one, with no noun
    rf"|(?<![\w-])(?<!\bno\s)one\s+(?:killed|dead|(?-i:KIA))(?=\s*(?:[,.;]|and\b|$))"
    # "one of our men paid the ultimate price", "un de nos soldats est tombé": one of a side's men, dead
    rf"|(?<![\w-])(?:one|un|une)\s+(?:of|de|d['’])\s*(?:our|its|their|nos|ses|leurs)\s+(?:own\s+)?(?:{_MEN}|{_HOMMES})\s+"
    rf"(?:(?:was|has\s+been|had\s+been|a\s+été|est|était)\s+)?(?:\w+\s+)?(?:{KILL_VERB}|tomb[ée]|fell|perished|died|"
    rf"{_FRENCH_BEING}|(?:a\s+)?(?:{_FRENCH_DIED}))(?![\w])"
    # "deplores the death of Corporal Issa Tapsoba", "déplore la mort du sergent Ali Maïga": one of a force's ranks
    rf"|(?<![\w-])(?:death|loss|mort|d[ée]c[èe]s|perte)\s+(?:of|du|de)\s+(?:(?:the|l['’]|la)\s*)?(?:{_RANKS})\s+"
    rf"(?-i:[A-Z][\w'’-]+)"
    # "2 x FF KIA, driver killed.": a field report's shorthand drops the article, the clause is the noun and its verb
    rf"|(?:(?<=[,.;:]\s)|(?<!.))(?:{_SINGULAR_NOUN})\s+(?:killed|(?-i:KIA))(?=\s*(?:[,.;]|$))"
    # "one smuggler was killed", "an interpreter was shot dead": whatever the noun, a person is who is killed
    rf"|(?<![\w-])(?:a|an|one)\s+(?:[\w-]+\s+){{0,2}}?{_ANY_NOUN}\s+(?:was|has\s+been|had\s+been)\s+(?:also\s+)?"
    rf"{_DONE_AND}(?:killed|(?:fatally|mortally)\s+(?:shot|stabbed|wounded|injured)|shot\s+dead|murdered|executed|beheaded|assassinated|lynched|slain|gunned\s+down|{_DEATH_PHRASE})\b"
    # "a smuggler who had opened fire on police was shot dead": the same, told with a relative clause between
    rf"|(?<![\w-])(?:a|an|one)\s+(?:[\w-]+\s+){{0,2}}?{_ANY_NOUN}\s*,?\s+(?:who|that)\s+[^,.;]{{1,60}}?\s*,?\s+"
    rf"(?:was|has\s+been|had\s+been)\s+(?:also\s+)?"
    rf"(?:killed|shot\s+dead|murdered|executed|beheaded|assassinated|lynched|slain|gunned\s+down|{_DEATH_PHRASE})\b"
    # "a soldier fell in the explosion of a landmine", "the driver died of his wounds"
    rf"|(?<![\w-]){_SINGULAR}\s+(?:fell|perished|was martyred)(?=\s+(?:on|in|during|while|when|as|at|under)\b)"
    rf"|(?<![\w-]){_SINGULAR}\s+(?:later\s+|also\s+)?succumbed\b"
    # "The driver of the lead truck also died": one more dead beside a count told before, whatever follows
    rf"|(?<![\w-]){_SINGULAR}(?:\s+(?:of|from)\s+(?:the|a|an|his|their)\s+(?:[\w-]+\s+){{0,2}}?[\w-]+)?\s+also\s+died\b"
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
    rf"|(?<![\w-])(?:un|une)\s+{_FRENCH_ONE}\s+(?:tu[ée]e?|tomb[ée]e?|neutralis[ée]e?|[ée]limin[ée]e?|abattue?)(?=\s*(?:[,.;]|et\b|$))"
    rf"|(?<![\w-]){_SINGULAR}\s+(?:(?:later|subsequently|also)\s+)?died(?=\s+(?:of\s+(?:(?:his|her)\s+)?(?:\w+\s+)?(?:wounds|injuries)|(?:later\s+)?in\s+hospital\b|during\b|"
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
    rf"|(?<![\w-]){BOMBER_TOLD_DEAD}"
    # "the body of a trader was found", "le corps sans vie d'un berger": one body is one death
    rf"|(?<![\w-])(?:(?:lifeless|bullet-riddled|charred|mutilated)\s+)?body\s+of\s+(?:a|an|one)\b"
    rf"|(?<![\w-])(?:a|one|his|her)\s+body\s+(?:was|has\s+been|had\s+been)\s+(?:found|discovered|recovered)"
    rf"|(?<![\w-])(?:a|an|one)\s+(?:[\w-]+\s+)?[\w-]+['’]s\s+(?:lifeless\s+)?body\s+(?:was|has\s+been|had\s+been)\s+"
    rf"(?:found|discovered|recovered)"
    rf"|(?<![\w-]){_SINGULAR}\s+(?:\w+\s+)?lost\s+(?:his|her)\s+life\b"
    # "the army lost one man", "a perdu un de ses soldats", "the loss of one of our soldiers", "la perte d'un de nos
    # hommes", "the attack cost the life of a soldier", "a coûté la vie à un gendarme": one of a side's men, lost
    # ("protesting the death of a man in custody" is a motive, told before: a death only of "one of its men")
    rf"|(?<![\w-])(?:(?:lost|losing|loss\s+of)\s+(?:one|a)\s+(?:[\w-]+\s+)?(?:{_SINGULAR_NOUN})"
    rf"|(?:lost|losing|(?:loss|death)\s+of)\s+one\s+of\s+(?:its|their|our|his)\s+(?:own\s+)?(?:{_MEN}))\b"
    rf"|(?<![\w-])(?:(?:a|ont|avons|avions|avait|avaient)\s+perdu\s+|(?:la\s+)?(?:perte|mort)\s+d['’]\s*|(?:le\s+)?d[ée]c[èe]s\s+d['’]\s*)"
    rf"(?:un|une)\s+(?:(?:de|d['’])\s*(?:ses|leurs|nos)\s+(?:{_HOMMES})|(?:{_HOMME}))\b"
    rf"|(?<![\w-])(?:claimed|claiming|cost|costing|took|taking)\s+the\s+life\s+of\s+(?:a|an|one)\s+(?:[\w-]+\s+)?(?:{_SINGULAR_NOUN})\b"
    rf"|(?<![\w-])co[uû]t(?:[ée]|ant)\s+la\s+vie\s+[àa]\s+(?:un|une)\s+(?:{_HOMME})\b"
    rf"|(?<![\w-])(?:son|leur)\s+corps\s+(?:sans\s+vie\s+)?a\s+été\s+(?:retrouvé|découvert)"
    rf"|(?<![\w-])(?-i:corps)\s+(?:sans\s+vie\s+)?d['’]une?\b(?!\s+(?:arm[ée]e|unit[ée]))"
    # "un berger a été battu à mort", "une femme a trouvé la mort": a French singular, whatever the noun
    rf"|(?<![\w-])(?:un|une|le|la|son|sa|leur)\s+{_FRENCH_ONE}(?:\s+(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[a-zà-ÿ][\w'’-]*))?){{0,3}}"
    # ("un soldat blessé a ensuite succombé": one of the wounded, dead since; the adverb tells when)
    rf"(?:\s*,\s*(?:(?:grièvement|gravement|mortellement)\s+)?bless[ée]e?\s*,|\s+bless[ée]e?)?\s+(?:a|aurait|avait)\s+"
    rf"(?:(?:ensuite|finalement|plus\s+tard|depuis|également|aussi)\s+)?"
    rf"(?:été\s+(?:\w+\s+)?(?:{_FRENCH_KILLED})|(?:{_FRENCH_DIED}))(?![\w])"
    # "le sergent Issa Tapsoba est tombé au champ d'honneur": a rank and a name
    rf"|(?<![\w-])(?:un|une|le|la)\s+{_FRENCH_ONE}(?:\s+(?-i:[A-Z][\w'’-]+)){{0,3}}\s+(?:est|serait|était)\s+"
    rf"(?:{_FRENCH_BEING})(?![\w])"
    # "the dangerous terrorist Abu Doe was neutralised", "a terrorist element was eliminated"
    rf"|(?<![\w-])(?:a|an|one|the)\s+(?:[\w-]+\s+){{0,2}}?(?:terrorist|militant|jihadist|insurgent|bandit|assailant|"
    rf"attacker|gunman|criminal|smuggler)\s+(?:element|suspect|leader|commander|emir|(?-i:[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){{0,3}}))"
    rf"\s+(?:was|has\s+been|had\s+been)\s+(?:\w+\s+)?{KILL_VERB}"
    # "blessant mortellement un commerçant": wounded to death, one person
    rf"|(?<![\w-])blessant\s+mortellement\s+(?:un|une|le|la|son|sa|leur)\s+{_FRENCH_ONE}\b"
    # "des habitants ont lynché un voleur", "ont tué une femme"
    # "des ravisseurs ont abattu le chauffeur": a definite one too
    rf"|(?<![\w-])(?:a|ont|avaient|auraient)\s+(?:\w+\s+)?(?:{_FRENCH_KILLED})\s+(?:(?:un|une|le|la|son|sa|leur)\s+|l['’]\s*)"
    rf"{_FRENCH_ONE}\b"
    # "ont attaqué un camion et tué son chauffeur", "ouvrant le feu et abattant le gardien": the auxiliary is the first
    # verb's, or a participle says it ("tuant son chauffeur")
    rf"|(?<![\w-])(?:(?:et|puis)\s+(?:{_FRENCH_KILLED})|tuant|(?:neutralis|abatt|[ée]limin|ex[ée]cut|assassin)ant)\s+"
    rf"(?:(?:un|une|le|la|son|sa|leur)\s+|l['’]\s*){_FRENCH_ONE}\b"
    rf"|(?<![\w-])(?:kill(?:ed|ing)|shot dead|neutrali[sz](?:ed|ing)|eliminat(?:ed|ing))\s+one\s+of\s+"
    rf"(?:them|the\s+\w+|their\s+\w+)"
    # "one of them was later found dead", "one of the hostages was executed"
    rf"|(?<![\w-])one\s+of\s+(?:them|the\s+\w+|their\s+\w+)\s+(?:was|has\s+been|had\s+been)\s+"
    rf"(?:(?:later|also|subsequently)\s+)?(?:found\s+dead|{KILL_VERB})"
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
    rf"lynch(?:ed|ing)|behead(?:ed|ing))\s+(?:a|an|one|the)\s+{ANY_PERSON}"
    # "deplores the loss of a soldier", "mourns the death of a gendarme": one of the dead a communiqué mourns (not
    # "demonstrating against the death of a man in custody", the protest's cause)
    rf"|(?<![\w-])(?:deplor|mourn|regrett?)(?:e|es|ed|s|ing)?\s+the\s+(?:loss|death|passing)\s+of\s+{_SINGULAR}"
    rf"(?!\s+of\b)"
    # "wounding nine passengers and killing one"
    rf"|(?<![\w-])(?:kill(?:ed|ing)|shot dead|shooting dead)\s+(?:only\s+)?one(?=\s*(?:[,.;:]|and\b|$))",
    re.IGNORECASE,
)
OF_WHAT = re.compile(r"\s+(?:de|du)\s+(?:la\s+|l['’]\s*)?(?-i:[a-zà-ÿ][a-zà-ÿ-]*)(?=\s*(?:,|et\b))")
OF_NAME = re.compile(r"\s+(?:of|de|du|d['’])\s*(?:the\s+)?(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+))*")
# "un contrebandier abattu et deux autres arrêtés": after a singular told with its participle, the next group is told
# by its own verb (the arrested live)
ENDS_WITH_VERB = re.compile(rf"(?:{KILL_VERB}|abattue?|neutralis[ée]e?|[ée]limin[ée]e?)$", re.IGNORECASE)

# "three WIA", "two injured": a group of the wounded ends a list of who was counted
WOUNDED_PART = re.compile(rf"\b{INJURE_VERB}$|\bWIA\b", re.IGNORECASE)
