"""The ontology data: ACLED's 25 sub-types, tags mapped to them, rules that reach every sub-type, the prefilter."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from borderwatch.extract._ontology import load_ontology, without_figure_glosses
from borderwatch.extract._segment import split_sentences
from borderwatch.model import EVENT_TYPES

DEV = Path(__file__).parents[2] / "bench" / "data" / "events_dev.jsonl"


def test_acled_types_and_sub_types() -> None:
    ontology = load_ontology()
    assert tuple(ontology.event_types) == EVENT_TYPES
    assert len(ontology.type_of) == 25


def test_every_sub_type_is_reachable_and_every_tag_maps_to_one() -> None:
    ontology = load_ontology()
    coded = {rule.sub_event_type for rule in ontology.rules} | {t.sub_event_type for t in ontology.tags.values()}
    assert coded == set(ontology.type_of)
    assert set(ontology.tags) == {
        "infiltration", "smuggling", "trafficking", "weapons_seizure", "deployment", "joint_operation", "patrol",
        "cooperation_agreement", "movement_restriction", "diplomatic_appeal",
    }  # fmt: skip


def test_rules_name_only_known_cues() -> None:
    ontology = load_ontology()
    known = set(ontology._cues) | set(ontology.tags) | {
        "agent_state", "agent_armed", "agent_civilian", "agent_protesters", "agent_rioters", "target_state",
        "target_armed", "target_civilian", "target_protesters", "target_fighting", "target_civilian_only",
        "victims_known", "any_armed_party", "kill_victims", "civilian_majority", "protest_motive", "protest_occasion",
    }  # fmt: skip
    for rule in ontology.rules:
        assert rule.all | rule.any | rule.none <= known, rule


def test_classification_rules() -> None:
    ontology = load_ontology()
    assert ontology.classify({"attack", "target_civilian"})[0] == "Attack"
    assert ontology.classify({"attack", "target_fighting", "target_state"})[0] == "Armed clash"
    assert ontology.classify({"ied", "attack", "target_state"})[0] == "Remote explosive/landmine/IED"
    assert ontology.classify({"protest", "intervene"})[0] == "Protest with intervention"
    assert ontology.classify({"protest", "lethal", "target_protesters"})[0] == "Excessive force against protesters"
    assert ontology.classify({"arrest", "agent_state"})[0] == "Arrests"
    assert ontology.classify({"arrest", "agent_armed"})[0] == "Abduction/forced disappearance"
    assert ontology.classify({"overtake", "agent_state"})[0] == "Government regains territory"
    assert ontology.classify({"overtake", "agent_armed"})[0] == "Non-state actor overtakes territory"
    assert ontology.classify({"injure"}) is None


def test_prefilter_never_hides_a_cue() -> None:
    """The cheap word-start test must let through every sentence the full cue regexes match."""
    ontology = load_ontology()
    full = re.compile(ontology._prefilter.pattern, re.IGNORECASE)
    texts = [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    sentences = [s.text for t in texts for s in split_sentences(t)]
    assert len(sentences) > 300
    for sentence in sentences:
        if full.search(sentence):
            assert ontology._word_starts.may_match(sentence), sentence


def test_the_anchored_cue_test_agrees_with_the_full_search() -> None:
    """Trying at each word start only the eventive patterns that can begin with its letters decides as a search of
    the whole alternation over the sentence does (synthetic dev sentences, and a few with a cue inside a word or
    after a hyphen, in capitals, or where two cues share their first letters)."""
    ontology = load_ontology()
    texts = [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    sentences = [s.text for t in texts for s in split_sentences(t)]
    sentences += ["The skilled workers stayed.", "A re-attack was feared.", "İstanbul police arrested two men."]
    sentences += ["GUNMEN KIDNAPPED TWO HERDERS.", "Gunmen kidnapped and killed a trader.", "Troops kept watch."]
    decided = Counter()
    for sentence in sentences:
        text = without_figure_glosses(sentence)
        full = ontology._word_starts.may_match(text) and ontology._prefilter.search(text) is not None
        assert ontology._has_eventive_cue(text) == full, sentence
        decided[full] += 1
    assert decided[True] > 100 and decided[False] > 100


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen set the market on fire.",  # a start cut short inside a group: 'set ', never 'set o'
        "They set it ablaze on Sunday.",
        "Armed men set several granaries on fire near Djibo.",
    ],
)
def test_a_start_cut_short_inside_a_group_still_lets_the_sentence_through(sentence: str) -> None:
    ontology = load_ontology()
    assert ontology._word_starts.may_match(sentence)
    assert "loot" in {h.cue for h in ontology.scan(sentence)}


def test_each_cue_filter_keeps_every_hit_of_its_cue() -> None:
    """Scanning only the cues whose word starts a sentence has finds what scanning every cue finds (synthetic dev
    sentences)."""
    ontology = load_ontology()
    texts = [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    for sentence in (s.text for t in texts for s in split_sentences(t)):
        hits = ontology.scan(sentence)
        if not hits:
            continue
        text = without_figure_glosses(sentence)
        every = {(name, m.start(), m.end()) for name, rx in ontology._cues.items() for m in rx.finditer(text)}
        assert {(h.cue, h.start, h.end) for h in hits} == every, sentence
