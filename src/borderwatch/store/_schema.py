"""The tables. Changing them means an Alembic migration in `migrations/versions/`."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
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
    UniqueConstraint,
)

__all__ = [
    "access_classes",
    "actors",
    "agencies",
    "alerts",
    "api_tokens",
    "audit_log",
    "audit_objects",
    "change_log",
    "collection_rights",
    "event_classes",
    "event_fusion",
    "event_mentions",
    "event_views",
    "events",
    "exchange_index",
    "extractions",
    "fusion_decisions",
    "fusion_links",
    "fusion_mentions",
    "group_members",
    "login_failures",
    "meta",
    "metadata",
    "peer_deliveries",
    "peers",
    "places",
    "report_access",
    "report_bands",
    "report_links",
    "reports",
    "sessions",
    "share_clocks",
    "sharing_groups",
    "sources",
    "taxii_collections",
    "taxii_status",
    "users",
    "webhook_attempts",
    "webhook_deliveries",
    "webhooks",
    "zone_events",
    "zones",
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
    # The access class every mention's report shares; NULL when they differ or one has none (the reader's
    # check then looks at the mentions). Set where events are derived (`EventRefresher`), cleared when a
    # report's class changes (`set_report_class`): see `_access.event_visible_clause`.
    Column("access_class", Integer),
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
    Index("ix_event_mentions_report", "report_id"),
)

# An event seen in part, composed once: for each set of its mentions that a combination of its reports'
# access classes lets a reader see, the event's fields composed from that set alone (`_partial_views.py`).
# A view depends on its mentions only, never on who reads it; the database's triggers delete an event's
# views when its mentions (or their reports' times) change, so a stored view is never stale.
event_views = Table(
    "event_views",
    metadata,
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("mentions_key", String(64), primary_key=True, doc="sha256 of the visible mention ids, sorted"),
    Column("view", JSON, nullable=False),
    sqlite_with_rowid=False,
)

# The distinct access classes of a mixed event's reports (an event whose `access_class` is NULL), written
# with its views: the reader's check of such an event is then one short index range instead of a look at
# each mention's report (`_access.event_visible_clause`). All of an event's classes or none: a row naming a
# class none of its reports has cannot be written, the triggers delete an event's rows when one of its
# mentions or one of its reports' classes changes, and an event without rows is checked mention by mention.
event_classes = Table(
    "event_classes",
    metadata,
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("class_id", Integer, ForeignKey("access_classes.id"), primary_key=True),
    sqlite_with_rowid=False,
)


# -- Sharing (issue 7): access classes, accounts, the audit log, exchange with peers. ------------------

# The (agency, marking, groups, post, recipients, foreign) combinations that reports carry. A reader's
# visible classes are worked out in Python with one predicate (`store._access.class_visible`), and every
# query filters reports by `class_id IN (...)`: the predicate is written once and the SQL stays an index
# lookup.
access_classes = Table(
    "access_classes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(64), nullable=False, unique=True),
    Column("agency", String(64), nullable=False),
    Column("marking", String(16), nullable=False),
    Column("groups", JSON, nullable=False),
    Column("post_id", String(64)),
    Column("recipients", JSON, nullable=False),
    Column("foreign", Boolean, nullable=False),
)

# One row per report; a report without a row is visible to nobody but the local administrator. No index on
# class_id: the visibility test looks a report up by id and checks its class against the reader's list.
report_access = Table(
    "report_access",
    metadata,
    Column("report_id", String(64), ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
    Column("class_id", Integer, ForeignKey("access_classes.id"), nullable=False),
    sqlite_with_rowid=False,
)

users = Table(
    "users",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("agency", String(64), ForeignKey("agencies.id"), nullable=False),
    Column("role", String(16), nullable=False),
    Column("name", Text),
    Column("post_id", String(64)),
    Column("password_hash", Text),
    Column("disabled", Boolean, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Index("ix_users_agency", "agency"),
)

# API tokens: only a SHA-256 of the secret part is kept (the secret has 256 bits of entropy).
api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("user_id", String(64), ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("name", Text, nullable=False),
    Column("secret_hash", String(64), nullable=False),
    Column("scopes", JSON, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
    Column("revoked_at", DateTime),
    Column("last_used_at", DateTime),
    Index("ix_api_tokens_user", "user_id"),
)

# Dashboard sessions: the cookie's value is never stored, only its SHA-256.
sessions = Table(
    "sessions",
    metadata,
    Column("id_hash", String(64), primary_key=True),
    Column("user_id", String(64), ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("last_seen_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
    Column("revoked_at", DateTime),
    Column("client", Text),
    Index("ix_sessions_user", "user_id"),
)

login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(128), nullable=False),
    Column("client", String(128), nullable=False),
    Column("at", DateTime, nullable=False),
    Index("ix_login_failures_user", "username", "at"),
    Index("ix_login_failures_client", "client", "at"),
)

sharing_groups = Table(
    "sharing_groups",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("description", Text),
    Column("created_at", DateTime, nullable=False),
)

# Members are agencies ("agency") or individually named users ("user": the only members RED reaches).
group_members = Table(
    "group_members",
    metadata,
    Column("group_id", String(64), ForeignKey("sharing_groups.id", ondelete="CASCADE"), primary_key=True),
    Column("kind", String(8), primary_key=True),
    Column("member", String(64), primary_key=True),
    Index("ix_group_members_member", "kind", "member"),
)

# Append-only: rows are chained by hash (`borderwatch audit --verify`); nothing updates or deletes them.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False),
    Column("actor", String(64), nullable=False),
    Column("agency", String(64)),
    Column("role", String(16)),
    Column("interface", String(16), nullable=False),
    Column("action", String(16), nullable=False),
    Column("what", Text, nullable=False),
    Column("detail", JSON, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Index("ix_audit_log_at", "at"),
    Index("ix_audit_log_actor", "actor", "at"),
    sqlite_autoincrement=True,
)

audit_objects = Table(
    "audit_objects",
    metadata,
    Column("entry_id", Integer, ForeignKey("audit_log.id"), primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("object_id", String(80), primary_key=True),
    Column("marking", String(16), nullable=False),
    Column("agency", String(64)),
    Index("ix_audit_objects_object", "object_id"),
)

# Monotonic clocks that serialise writers: "exchange" (TAXII date_added) and "audit" (the hash chain).
share_clocks = Table(
    "share_clocks",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("at", DateTime, nullable=False),
    Column("hash", String(64), nullable=False),
)

# Every report's exchange state: its STIX version and when it was added here. Rows outlive withdrawn
# reports (tombstones), so that a withdrawal reaches the peers that had the report.
exchange_index = Table(
    "exchange_index",
    metadata,
    Column("report_id", String(64), primary_key=True),
    Column("stix_id", String(64), nullable=False, unique=True),
    Column("created", DateTime, nullable=False),
    Column("modified", DateTime, nullable=False),
    Column("date_added", DateTime, nullable=False, unique=True),
    Column("withdrawn", Boolean, nullable=False),
    Column("origin_peer", String(64)),
    Column("origin_installation", String(64)),
)

peers = Table(
    "peers",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text),
    Column("url", Text),
    Column("token", Text),
    Column("user_id", String(64), ForeignKey("users.id"), nullable=False),
    Column("recipients", JSON, nullable=False),
    Column("rules", JSON, nullable=False),
    Column("read_collection", String(64)),
    Column("write_collection", String(64)),
    Column("pull_after", String(40)),
    Column("push_after", DateTime),
    Column("created_at", DateTime, nullable=False),
    Column("last_sync_at", DateTime),
    Column("last_error", Text),
)

# Which version of which report went to which peer: withdrawals go only to peers that had the report.
peer_deliveries = Table(
    "peer_deliveries",
    metadata,
    Column("peer_id", String(64), ForeignKey("peers.id", ondelete="CASCADE"), primary_key=True),
    Column("report_id", String(64), primary_key=True),
    Column("modified", DateTime, nullable=False),
    Column("withdrawn", Boolean, nullable=False),
    sqlite_with_rowid=False,
)

taxii_collections = Table(
    "taxii_collections",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("alias", String(64), nullable=False, unique=True),
    Column("title", Text, nullable=False),
    Column("description", Text),
    Column("kind", String(16), nullable=False),
)

collection_rights = Table(
    "collection_rights",
    metadata,
    Column("collection_id", String(36), ForeignKey("taxii_collections.id", ondelete="CASCADE"), primary_key=True),
    Column("peer_id", String(64), ForeignKey("peers.id", ondelete="CASCADE"), primary_key=True),
    Column("can_read", Boolean, nullable=False),
    Column("can_write", Boolean, nullable=False),
)

taxii_status = Table(
    "taxii_status",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("peer_id", String(64), nullable=False),
    Column("collection_id", String(36), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("status", String(16), nullable=False),
    Column("total", Integer, nullable=False),
    Column("successes", JSON, nullable=False),
    Column("failures", JSON, nullable=False),
)
# -- The centre's screen (issue 6): read indexes on events, watch zones, alerts, webhooks, the change feed. --

# Map and list queries filter on type, time and a bounding box and page by date: these let SQLite answer
# them from the index alone and stop after one page (bench/api_latency.py).
Index("ix_events_type_date_pos", events.c.event_type, events.c.date, events.c.lat, events.c.lon)
Index("ix_events_date_pos", events.c.date, events.c.lat, events.c.lon)  # also the date index (no other)
Index("ix_events_actor1", events.c.actor1_id)
Index("ix_events_actor2", events.c.actor2_id)
Index("ix_events_geonameid", events.c.geonameid)
# Sources and markings of a page of events, and "has this event a mention the reader may see", from the index
# alone (mention rows are wide: JSON, sentence); it also finds an event's mentions (no index on event_id alone:
# every mention stored would write a page of both).
Index("ix_event_mentions_event_report", event_mentions.c.event_id, event_mentions.c.report_id)

# A watch zone: a polygon (GeoJSON, lon/lat) or a strip along a border, with the rules that raise alerts.
zones = Table(
    "zones",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("border", String(7)),
    Column("km", Float),
    Column("geometry", JSON, nullable=False),
    Column("min_lon", Float, nullable=False),
    Column("min_lat", Float, nullable=False),
    Column("max_lon", Float, nullable=False),
    Column("max_lat", Float, nullable=False),
    Column("rules", JSON, nullable=False),
    Column("marking", String(16), nullable=False),
    # Who drew the zone and who else may see it: a zone is shared like a report (`store._zones`).
    Column("agency", String(64), nullable=False, server_default="local"),
    Column("sharing_groups", JSON, nullable=False, server_default="[]"),
    Column("active", Boolean, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)

# Which events lie inside which zone (kept as events are stored): "events in zone" and spike counts.
zone_events = Table(
    "zone_events",
    metadata,
    Column("zone_id", Integer, ForeignKey("zones.id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("date", String(10)),
    Index("ix_zone_events_event", "event_id"),
    Index("ix_zone_events_zone_date", "zone_id", "date"),
)

# One alert per zone and key: the event id for an event alert, "spike:DATE" for an activity spike.
alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("zone_id", Integer, ForeignKey("zones.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("key", String(80), nullable=False),
    Column("event_id", String(64), ForeignKey("events.id", ondelete="SET NULL")),
    Column("reason", Text, nullable=False),
    Column("details", JSON, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("acknowledged_at", DateTime),
    Column("acknowledged_by", Text),
    UniqueConstraint("zone_id", "key", name="uq_alerts_zone_key"),
    Index("ix_alerts_created", "created_at"),
    Index("ix_alerts_event", "event_id"),
)

webhooks = Table(
    "webhooks",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False),
    Column("secret", Text, nullable=False),
    Column("zone_id", Integer, ForeignKey("zones.id", ondelete="CASCADE")),
    # Whose webhook: an alert goes out only as this user would see it (NULL: the operator at the machine).
    Column("owner", Text),
    Column("agency", String(64), nullable=False, server_default="local"),
    Column("active", Boolean, nullable=False),
    Column("created_at", DateTime, nullable=False),
)

# The delivery of one alert to one webhook; `webhook_attempts` is its log, one row per try.
webhook_deliveries = Table(
    "webhook_deliveries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("alert_id", Integer, ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False),
    Column("webhook_id", Integer, ForeignKey("webhooks.id", ondelete="CASCADE"), nullable=False),
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", DateTime),
    Column("lease_until", DateTime),
    Column("created_at", DateTime, nullable=False),
    Column("delivered_at", DateTime),
    UniqueConstraint("alert_id", "webhook_id", name="uq_webhook_deliveries_alert_hook"),
    Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),
)

webhook_attempts = Table(
    "webhook_attempts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("delivery_id", Integer, ForeignKey("webhook_deliveries.id", ondelete="CASCADE"), nullable=False),
    Column("attempt", Integer, nullable=False),
    Column("at", DateTime, nullable=False),
    Column("status_code", Integer),
    Column("error", Text),
    Column("ms", Float, nullable=False),
    Index("ix_webhook_attempts_delivery", "delivery_id"),
)

# What changed, in commit order: the live stream (SSE) and its resumption (Last-Event-ID) read this.
change_log = Table(
    "change_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("item_id", String(80), nullable=False),
    Column("at", DateTime, nullable=False),
    sqlite_autoincrement=True,
)

# -- fusion (issue 5) ---------------------------------------------------------------------------------

# The fusion index: each stored event mention in the compact form matching compares. Fusion reads it a period
# at a time (`bucket`, the period of the last day: `fuse.day_bucket`) into its in-memory candidate index
# (`_fusion_memory.py`), which files each mention by its grid cell (`cell`, 0 for a vague place) and its
# secondary keys (`bkeys`); a batch's new rows, which end near the present, are appended to the period index.
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
    Column("bucket", Integer, nullable=False),  # the period of day_hi
    Column("anchor", Integer, nullable=False),  # the report's day (proleptic ordinal)
    Column("dated", Integer, nullable=False),
    Column("cell", Integer, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", Integer),
    Column("geonameid", String(32)),
    Column("place_name", Text),
    Column("country", String(2)),  # of the place; of the actors when there is no place
    Column("country_of_place", Integer, nullable=False),  # 0: `country` is only the actors'
    Column("admin1", Text),
    Column("named_actors", Text, nullable=False),  # folded names, "|"-separated, roles marked (`_fusion_index._marked`)
    Column("state_actors", Text, nullable=False),
    Column("quantities", Text, nullable=False),  # "kind=value:qualifier" separated by ";"
    Column("words", Text, nullable=False),
    Column("names", Text, nullable=False),  # name keys of the sentence, separated by spaces
    Column("context", Text, nullable=False),  # name keys of the report's lines around it
    Column("bkeys", Text, nullable=False),  # its secondary keys (`fuse.index_keys`), separated by spaces
    Column("seq", BigInteger, nullable=False),  # storing order: an event's most recent mentions are compared
    Index("ix_fusion_mentions_bucket", "bucket"),
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
