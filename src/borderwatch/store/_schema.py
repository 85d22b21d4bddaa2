"""The tables. Changing them means an Alembic migration in `migrations/versions/`."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = [
    "actors",
    "agencies",
    "event_fusion",
    "event_mentions",
    "events",
    "extractions",
    "fusion_decisions",
    "fusion_links",
    "fusion_mentions",
    "meta",
    "metadata",
    "places",
    "report_bands",
    "report_links",
    "reports",
    "sources",
]

metadata = MetaData()

# Marks a database as ours; `application` = "borderwatch".
meta = Table(
    "bw_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

agencies = Table(
    "agencies",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("country", String(2)),
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False, unique=True),
    Column("url", Text),
    Column("reliability", String(1)),
)

reports = Table(
    "reports",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("kind", String(16), nullable=False),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("raw", LargeBinary),
    Column("source_id", Integer, ForeignKey("sources.id")),
    Column("url", Text),
    Column("origin", Text),
    Column("published", DateTime),
    Column("ingested_at", DateTime, nullable=False),
    Column("agency", String(64), nullable=False),
    Column("marking", String(16), nullable=False),
    Column("sharing_groups", JSON, nullable=False),
    Column("post_id", String(64)),
    Column("lat", Float),
    Column("lon", Float),
    Column("category", String(32)),
    Column("minhash", LargeBinary),
    Index("ix_reports_published", "published"),
    Index("ix_reports_ingested_at", "ingested_at"),
)

# MinHash LSH bands: a report is a near-duplicate candidate of another when they share a band key.
report_bands = Table(
    "report_bands",
    metadata,
    Column("key", BigInteger, nullable=False),
    Column("report_id", String(64), ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Index("ix_report_bands_key", "key"),
    Index("ix_report_bands_report", "report_id"),
)

report_links = Table(
    "report_links",
    metadata,
    Column("report_id", String(64), ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
    Column("other_id", String(64), ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
    Column("kind", String(32), primary_key=True),
    Column("similarity", Float),
)

extractions = Table(
    "extractions",
    metadata,
    Column("report_id", String(64), ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
    Column("extracted_at", DateTime, nullable=False),
    Column("result", JSON, nullable=False),
)

places = Table(
    "places",
    metadata,
    Column("geonameid", String(32), primary_key=True),
    Column("name", Text, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("feature_code", String(16)),
)

actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False, unique=True),
    Column("type", Integer),
    Column("country", String(2)),
)

events = Table(
    "events",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("event_type", String(40), nullable=False),
    Column("sub_event_type", String(80), nullable=False),
    Column("tags", JSON, nullable=False),
    Column("date", String(10)),
    Column("time_precision", Integer),
    Column("actor1_id", Integer, ForeignKey("actors.id")),
    Column("actor2_id", Integer, ForeignKey("actors.id")),
    Column("location_name", Text),
    Column("geonameid", String(32)),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("geo_precision", Integer),
    Column("border", String(7)),
    Column("border_km", Float),
    Column("fatalities", Integer),
    Column("confidence", Float, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Index("ix_events_date", "date"),
    Index("ix_events_type", "event_type", "sub_event_type"),
    Index("ix_events_latlon", "lat", "lon"),
    Index("ix_events_border", "border", "border_km"),
)

# Evidence and provenance: every event mention, the report and sentence it comes from.
event_mentions = Table(
    "event_mentions",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("report_id", String(64), ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("mention", JSON, nullable=False),
    Index("ix_event_mentions_event", "event_id"),
    Index("ix_event_mentions_report", "report_id"),
)


# -- fusion (issue 5) ---------------------------------------------------------------------------------

# The fusion index: each stored event mention in the compact form matching compares, with the key
# blocking reads it by: its cell (a grid cell, its province's, or its actor's when it has no place) and
# first day; and, for mentions without a place, by country and first day. (No index on family: it would
# tempt the planner away from the much narrower cell index.)
fusion_mentions = Table(
    "fusion_mentions",
    metadata,
    Column("key", String(80), ForeignKey("event_mentions.id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("report_id", String(64), nullable=False),
    Column("family", String(24), nullable=False),
    Column("event_type", String(40), nullable=False),
    Column("sub_event_type", String(80), nullable=False),
    Column("day_lo", Integer, nullable=False),
    Column("day_hi", Integer, nullable=False),
    Column("dated", Integer, nullable=False),
    Column("cell", Integer, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", Integer),
    Column("geonameid", String(32)),
    Column("place_name", Text),
    Column("country", String(2)),  # of the place; of the actors when there is no place
    Column("admin1", Text),
    Column("named_actors", Text, nullable=False),  # folded names, separated by "|"
    Column("state_actors", Text, nullable=False),
    Column("quantities", Text, nullable=False),  # "kind=value:qualifier" separated by ";"
    Column("words", Text, nullable=False),
    Column("seq", BigInteger, nullable=False),  # storing order: an event's most recent mentions are compared
    Index("ix_fusion_mentions_cell_day", "cell", "day_lo"),
    Index("ix_fusion_mentions_country_day", "country", "day_lo"),
    Index("ix_fusion_mentions_event", "event_id"),
)

# What fusion made of each event beyond the `events` columns: field provenance, corroboration, and
# the summary the exports read (source names, notes, associated actors) without joining mentions.
event_fusion = Table(
    "event_fusion",
    metadata,
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("provenance", JSON, nullable=False),
    Column("assoc_actors", JSON, nullable=False),
    Column("notes", Text, nullable=False),
    Column("source_names", Text, nullable=False),
    Column("reports", Integer, nullable=False),
    Column("independent_sources", Integer, nullable=False),
    Column("source_groups", JSON, nullable=False),
    Column("reliability", String(1)),
)

# Every decision fusion or an analyst took about a mention, with its explanation (events show --why).
fusion_decisions = Table(
    "fusion_decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), nullable=False),
    Column("mention_key", String(80), nullable=False),
    Column("reason", String(24), nullable=False),
    Column("score", Float),
    Column("explanation", JSON),
    Column("decided_at", DateTime, nullable=False),
    Column("decided_by", String(64), nullable=False),
    Index("ix_fusion_decisions_event", "event_id"),
    Index("ix_fusion_decisions_mention", "mention_key"),
)

# Analysts' split and merge decisions as links between mention keys ("must" be together, "cannot");
# kept when the mentions are re-extracted, so that every later fusion run respects them.
fusion_links = Table(
    "fusion_links",
    metadata,
    Column("mention_a", String(80), primary_key=True),
    Column("mention_b", String(80), primary_key=True),
    Column("kind", String(8), primary_key=True),
    Column("decided_at", DateTime, nullable=False),
    Column("decided_by", String(64), nullable=False),
)
