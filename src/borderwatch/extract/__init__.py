"""Extraction stage: Report -> ExtractResult (events, actors, dates, quantities, evidence).

Public entry point: `Extractor`, with `__call__(report)` and `pipe(reports)` (streaming,
input order kept; `n_process=2` forks workers that share the loaded model).

The pipeline, one small module per stage:

    _segment     sentences with offsets (rules; every sentence)
    _ontology    cue scan (word-start prefilter `_prefilter`, then regexes; every sentence) and the
                 ordered rules from `data/ontology.json` that code ACLED sub-types and border tags
    spaCy        tagger, parser and NER, on candidate sentences only, batched across reports
    _registry    actor mentions: named groups (`data/actors.json`, three languages, fuzzy), state
                 forces by country and ruling period, generic parties; ACLED names
    _roles       initiator / target of each party: the parse path to the trigger (`_role_paths`, on
                 `_parse_tree` and `_verb_senses`), the words around the party (`_role_markers`), who
                 started or answered a fight (`_stance`), the cues the rules read (`_role_cues`);
                 vocabulary in `data/roles.json` (`_role_words`)
    _modality    negated, intended, hypothetical, future or background cues
    _detect      one sentence -> at most one coded sentence event, with date and quantities
                 (`_dates`, `_quantities`)
    _merge       sentence events -> one group per happening; claims of responsibility
    _assemble    group -> EventMention: ACLED actor roles (`_event_actors`: ordering and naming
                 `_actor_namer`, who started it `_initiator`, tellers `_tellers`, sub-type defaults
                 `_default_actors`), the event's country (`_event_country`), fatalities, confidence
                 (`_confidence`, calibrated map in `data/calibration.json`)
    _extractor   the composition: batching, places and locations from the PlaceLocator
"""

from ._contracts import EntitySpan, PlaceLocator
from ._extractor import Extractor

__all__ = ["EntitySpan", "Extractor", "PlaceLocator"]
