"""Builders for the sharing tests. Every report is synthetic: invented incidents, invented people."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

from sqlalchemy import select

from borderwatch.model import (
    Actor,
    ActorType,
    EventMention,
    EventType,
    Evidence,
    ExtractResult,
    Location,
    Marking,
    Report,
    ReportRef,
)
from borderwatch.store import NewReport, Store
from borderwatch.store._compose import compose_mentions
from borderwatch.store._partial_views import mentions_key
from borderwatch.store._schema import actors, event_mentions, event_views, report_access, reports

_TEMPLATE: dict[str, Path] = {}


def fresh_db(folder: Path, name: str = "bw.db") -> str:
    """A migrated empty database, copied from a template (migrating takes longer than copying)."""
    if "db" not in _TEMPLATE:
        template = Path(folder.parent) / "bw-template.db"
        Store(f"sqlite:///{template}").close()
        _TEMPLATE["db"] = template
    target = folder / name
    shutil.copy(_TEMPLATE["db"], target)
    return f"sqlite:///{target}"


def mention(
    mention_id: str,
    text: str,
    *,
    event_type: EventType = EventType.BATTLES,
    sub_event_type: str = "Armed clash",
    date: str | None = "2025-05-02",
    time_precision: int | None = 1,
    country: str | None = "DZ",
    place: str | None = "Tebessa",
    lat: float | None = 35.40,
    lon: float | None = 8.12,
    geo_precision: int | None = 1,
    border: str | None = "DZA-TUN",
    border_km: float | None = 20.0,
    fatalities: int | None = 2,
    confidence: float = 0.7,
    actor1: str | None = "Synthetic Katiba of the Dunes",
    actor1_type: ActorType | None = ActorType.REBEL_GROUP,
    tags: Sequence[str] = (),
) -> EventMention:
    location = None
    if place or country or lat is not None:
        location = Location(
            name=place,
            geonameid=None,
            lat=lat,
            lon=lon,
            country=country,
            geo_precision=geo_precision,  # type: ignore[arg-type]
            border=border,
            border_km=border_km,
        )
    return EventMention(
        id=mention_id,
        event_type=event_type,
        sub_event_type=sub_event_type,
        tags=list(tags),
        date=date,
        time_precision=time_precision,  # type: ignore[arg-type]
        actor1=Actor(text=actor1, name=actor1, type=actor1_type) if actor1 else None,
        actor2=Actor(name="Military Forces of Algeria (2019-)", type=ActorType.STATE_FORCES, country="DZ"),
        location=location,
        fatalities=fatalities,
        evidence=Evidence(sentence=text[:200], start=0, end=min(len(text), 200)),
        confidence=confidence,
    )


def new_report(
    text: str,
    *,
    agency: str = "dz-mdn",
    marking: Marking = Marking.AMBER,
    groups: Sequence[str] = (),
    post_id: str | None = None,
    mentions: Sequence[EventMention] | None = None,
    title: str | None = None,
) -> NewReport:
    report = Report(
        text=text, title=title, agency=agency, marking=marking, sharing_groups=tuple(groups), post_id=post_id
    )
    if mentions is None:
        mentions = [mention("e1", text)]
    extraction = ExtractResult(report=ReportRef(id=report.id, title=title), events=list(mentions))
    return NewReport(report=report, extraction=extraction)


def event_ids_of(store: Store, report_id: str) -> list[str]:
    with store._engine.connect() as c:
        return sorted(
            set(c.execute(select(event_mentions.c.event_id).where(event_mentions.c.report_id == report_id)).scalars())
        )


def fuse(store: Store, event_ids: Sequence[str]) -> str:
    """Merge events into the first, as an analyst does (`events merge`): one event with every mention."""
    target, *rest = event_ids
    others = sorted({e for e in rest if e != target})  # reports of one happening may be fused already
    if others:
        store.merge_events(target, others, by="test")
    return target


def views_of(store: Store, event_id: str) -> dict[str, Any]:
    """The stored views of an event seen in part (`store/_partial_views.py`), by key."""
    with store._engine.connect() as c:
        return dict(
            c.execute(
                select(event_views.c.mentions_key, event_views.c.view).where(event_views.c.event_id == event_id)
            ).all()
        )


def expected_views(store: Store, event_id: str) -> tuple[int, dict[str, dict[str, Any]]]:
    """The number of the event's classes, and every view the write path stores for it, composed from scratch:
    one per combination of its classes that leaves some of its mentions out (and names only known actors)."""
    with store._engine.connect() as c:
        rows = c.execute(
            select(event_mentions.c.id, event_mentions.c.report_id, event_mentions.c.mention, report_access.c.class_id,
                   reports.c.ingested_at)
            .join(reports, reports.c.id == event_mentions.c.report_id)
            .outerjoin(report_access, report_access.c.report_id == event_mentions.c.report_id)
            .where(event_mentions.c.event_id == event_id)
        ).all()  # fmt: skip
        actor_ids = dict(c.execute(select(actors.c.name, actors.c.id)).all())
    classes = sorted({r.class_id for r in rows if r.class_id is not None})
    out: dict[str, dict[str, Any]] = {}
    for size in range(1, len(classes) + 1):
        for chosen in combinations(classes, size):
            visible = [r for r in rows if r.class_id in chosen]
            if len(visible) == len(rows):
                continue
            view = compose_mentions([(r.report_id, EventMention.model_validate(r.mention)) for r in visible])
            view["created_at"] = min(r.ingested_at for r in visible).isoformat()
            view["updated_at"] = max(r.ingested_at for r in visible).isoformat()
            if any(view[k] and view[k] not in actor_ids for k in ("actor1", "actor2")):
                continue  # an actor the store does not know yet: composed at read time, not stored
            view["actor1_id"] = actor_ids[view["actor1"]] if view["actor1"] else None
            view["actor2_id"] = actor_ids[view["actor2"]] if view["actor2"] else None
            out[mentions_key(r.id for r in visible)] = view
    return len(classes), out


# -- two installations on loopback (in-process ASGI) ---------------------------------------------


class Installation:
    """One borderwatch installation: its store, its app, and a client on its app."""

    def __init__(self, folder: Path, name: str, agency: str, url: str | None = None) -> None:
        from fastapi.testclient import TestClient

        from borderwatch.model import Agency
        from borderwatch.settings import Settings
        from borderwatch.share import create_share_app

        self.name, self.agency = name, agency
        self.store = Store(url or fresh_db(folder, f"{name}.db"))
        self.settings = Settings.load(db=self.store.url, agency=agency, cookie_secure=False)
        self.app = create_share_app(self.settings, self.store)
        self.client = TestClient(self.app, base_url=f"http://{name}.test")
        self.store.accounts.add_agency(Agency(id=agency, name=f"Synthetic {agency}"))

    def close(self) -> None:
        self.client.close()
        self.store.close()


def pair(folder: Path, transport_wrapper=None, b_url: str | None = None):  # type: ignore[no-untyped-def]
    """Installations A (dz-cnc) and B (tn-cnc, on `b_url` when given), each a peer of the other, nothing shared yet."""
    import httpx

    a, b = Installation(folder, "a", "dz-cnc"), Installation(folder, "b", "tn-cnc", b_url)
    for here, there in ((a, b), (b, a)):  # `there` knows `here` as the peer "peer-<here>"
        there.store.exchange.add_peer(f"peer-{here.name}", here.agency, recipients=[f"agency:{there.agency}"])
    for here, there in ((a, b), (b, a)):
        token, _ = there.store.accounts.create_token(f"peer-{here.name}", "taxii", ["taxii"])
        here.store.exchange.update_peer(f"peer-{there.name}", url=f"http://{there.name}.test/taxii2/api/", token=token)
    transports = {}
    for here, there in ((a, b), (b, a)):
        inner = there.client._transport  # the ASGI transport of the other installation's app
        transports[here.name] = transport_wrapper(inner) if transport_wrapper else inner
    a.http = httpx.Client(transport=transports["a"])  # type: ignore[attr-defined]
    b.http = httpx.Client(transport=transports["b"])  # type: ignore[attr-defined]
    return a, b


def sync(here: Installation, peer_id: str, attempts: int = 1, **kw: object):  # type: ignore[no-untyped-def]
    """Sync until it succeeds, as an operator would after a cut; returns the number of attempts."""
    from borderwatch.errors import PeerError
    from borderwatch.share import PeerClient

    for attempt in range(1, attempts + 1):
        client = PeerClient(here.store, here.store.exchange.peer(peer_id), http=here.http, **kw)  # type: ignore[attr-defined]
        try:
            client.sync()
            return attempt
        except PeerError:
            if attempt == attempts:
                raise
    return attempts
