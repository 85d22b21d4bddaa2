"""Triggers that keep `events.access_class` safe, on SQLite and PostgreSQL.

`events.access_class` is kept safe by the database itself: a value that is not NULL always names the class
of every stored mention's report. Writing a wrong value aborts the statement (the `check` triggers); a
mention or a report's class that changes under an event turns the value NULL (the `forget` triggers),
which is always safe (the reader's check then reads the mentions) and is set again when the event is
derived again. So a write path that forgets the column loses speed, never confidentiality. An event row
written before its mentions (fusion's flush) passes the check vacuously and is checked again, mention by
mention, as they are inserted.

The stored views of events seen in part (`event_views`, `_partial_views.py`) are kept safe the same way:
each is composed from a set of mentions, so writing, moving or deleting one of an event's mentions, or
changing the times of one of its reports, deletes the event's views (the `forget_event_views` triggers); a
write path that does not store them again leaves them to be composed at read time. The classes listed
for a mixed event (`event_classes`) are guarded like `events.access_class`: a row naming a class none of the
event's reports has aborts, and a changed mention or report class deletes the event's rows.

The same rules are written once, with `{ne}` for SQL's null-safe "differs" (SQLite `IS NOT`, PostgreSQL
`IS DISTINCT FROM`), and wrapped per dialect: SQLite's triggers hold the statements, PostgreSQL's call one
PL/pgSQL function each. Triggers are not in the migration (alembic does not compare them): they are made
when a store is opened, only where missing; a change of rule takes a new name (`bw1_` → `bw2_`).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

__all__ = ["GUARDED_DIALECTS", "install_access_triggers"]

GUARDED_DIALECTS = frozenset({"sqlite", "postgresql"})  # where `install_access_triggers` makes triggers

_CLASS_OF = "(SELECT class_id FROM report_access WHERE report_id = {report})"
_DISAGREES = (
    "EXISTS (SELECT 1 FROM event_mentions m LEFT JOIN report_access a ON a.report_id = m.report_id "
    "WHERE m.event_id = NEW.id AND a.class_id {ne} NEW.access_class)"
)
_FORGET_UNLESS = (
    "UPDATE events SET access_class = NULL WHERE id = {event} AND access_class IS NOT NULL "
    "AND access_class {ne} " + _CLASS_OF + ";"
)
_FORGET_IF_EMPTY = (
    "UPDATE events SET access_class = NULL WHERE id = {event} AND access_class IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM event_mentions WHERE event_id = {event});"
)
_FORGET_CITING = (
    "UPDATE events SET access_class = NULL WHERE access_class IS NOT NULL "
    "AND id IN (SELECT event_id FROM event_mentions WHERE report_id = {report});"
)
_FORGET_VIEWS = "DELETE FROM event_views WHERE event_id = {event};"
_FORGET_CLASSES = "DELETE FROM event_classes WHERE event_id = {event};"
_FORGET_CLASSES_CITING = (
    "DELETE FROM event_classes WHERE event_id IN (SELECT event_id FROM event_mentions WHERE report_id = {report});"
)
_REFUSAL = "the access classes of an event disagree with its mentions"

# name: (timing and event, table, condition on NEW or None, statements)
_RULES: dict[str, tuple[str, str, str | None, list[str]]] = {
    "bw1_check_event_class_insert": ("BEFORE INSERT", "events", "NEW.access_class IS NOT NULL AND " + _DISAGREES, []),
    "bw1_check_event_class_update": (
        "BEFORE UPDATE OF access_class",
        "events",
        "NEW.access_class IS NOT NULL AND " + _DISAGREES,
        [],
    ),
    "bw1_forget_event_class_mention_in": (
        "AFTER INSERT",
        "event_mentions",
        None,
        [_FORGET_UNLESS.format(event="NEW.event_id", report="NEW.report_id", ne="{ne}")],
    ),
    "bw1_forget_event_class_mention_out": (
        "AFTER DELETE",
        "event_mentions",
        None,
        [_FORGET_IF_EMPTY.format(event="OLD.event_id")],
    ),
    "bw1_forget_event_class_mention_moved": (
        "AFTER UPDATE OF event_id, report_id",
        "event_mentions",
        None,
        [
            _FORGET_IF_EMPTY.format(event="OLD.event_id"),
            _FORGET_UNLESS.format(event="NEW.event_id", report="NEW.report_id", ne="{ne}"),
        ],
    ),
    "bw1_forget_event_class_access_in": (
        "AFTER INSERT",
        "report_access",
        None,
        [_FORGET_CITING.format(report="NEW.report_id")],
    ),
    "bw1_forget_event_class_access_out": (
        "AFTER DELETE",
        "report_access",
        None,
        [_FORGET_CITING.format(report="OLD.report_id")],
    ),
    "bw1_forget_event_class_access_changed": (
        "AFTER UPDATE",
        "report_access",
        None,
        [_FORGET_CITING.format(report="OLD.report_id"), _FORGET_CITING.format(report="NEW.report_id")],
    ),
    "bw1_forget_event_views_mention_in": (
        "AFTER INSERT",
        "event_mentions",
        None,
        [_FORGET_VIEWS.format(event="NEW.event_id")],
    ),
    "bw1_forget_event_views_mention_out": (
        "AFTER DELETE",
        "event_mentions",
        None,
        [_FORGET_VIEWS.format(event="OLD.event_id")],
    ),
    "bw1_forget_event_views_mention_changed": (
        "AFTER UPDATE",
        "event_mentions",
        None,
        [_FORGET_VIEWS.format(event="OLD.event_id"), _FORGET_VIEWS.format(event="NEW.event_id")],
    ),
    "bw1_check_event_classes_insert": (
        "BEFORE INSERT",
        "event_classes",
        "NOT EXISTS (SELECT 1 FROM event_mentions m JOIN report_access a ON a.report_id = m.report_id "
        "WHERE m.event_id = NEW.event_id AND a.class_id = NEW.class_id)",
        [],
    ),
    "bw1_check_event_classes_update": ("BEFORE UPDATE", "event_classes", "TRUE", []),
    "bw1_forget_event_classes_mention_in": (
        "AFTER INSERT",
        "event_mentions",
        None,
        [_FORGET_CLASSES.format(event="NEW.event_id")],
    ),
    "bw1_forget_event_classes_mention_out": (
        "AFTER DELETE",
        "event_mentions",
        None,
        [_FORGET_CLASSES.format(event="OLD.event_id")],
    ),
    "bw1_forget_event_classes_mention_moved": (
        "AFTER UPDATE OF event_id, report_id",
        "event_mentions",
        None,
        [_FORGET_CLASSES.format(event="OLD.event_id"), _FORGET_CLASSES.format(event="NEW.event_id")],
    ),
    "bw1_forget_event_classes_access_in": (
        "AFTER INSERT",
        "report_access",
        None,
        [_FORGET_CLASSES_CITING.format(report="NEW.report_id")],
    ),
    "bw1_forget_event_classes_access_out": (
        "AFTER DELETE",
        "report_access",
        None,
        [_FORGET_CLASSES_CITING.format(report="OLD.report_id")],
    ),
    "bw1_forget_event_classes_access_changed": (
        "AFTER UPDATE",
        "report_access",
        None,
        [_FORGET_CLASSES_CITING.format(report="OLD.report_id"), _FORGET_CLASSES_CITING.format(report="NEW.report_id")],
    ),
    "bw1_forget_event_views_report_times": (
        "AFTER UPDATE OF ingested_at",
        "reports",
        None,
        ["DELETE FROM event_views WHERE event_id IN (SELECT event_id FROM event_mentions WHERE report_id = NEW.id);"],
    ),
}


def install_access_triggers(connection: Connection) -> bool:
    """Create the triggers that are missing; False on a database that has no triggers of ours (the column
    then stays NULL and every event is checked mention by mention)."""
    dialect = connection.dialect.name
    if dialect == "sqlite":
        for name, rule in _RULES.items():
            connection.execute(text(_sqlite(name, *rule)))
        return True
    if dialect in GUARDED_DIALECTS:
        # Two processes opening a new database at once would both create: the second waits, then finds them.
        connection.execute(text("SELECT pg_advisory_xact_lock(7310042)"))
        present = set(connection.execute(text("SELECT tgname FROM pg_trigger WHERE tgname LIKE 'bw%'")).scalars())
        for name, rule in _RULES.items():
            if name not in present:
                for statement in _postgresql(name, *rule):
                    connection.execute(text(statement))
    return dialect in GUARDED_DIALECTS


def _sqlite(name: str, timing: str, table: str, condition: str | None, statements: list[str]) -> str:
    when = f" WHEN {condition.format(ne='IS NOT')}" if condition else ""
    body = [f"SELECT RAISE(ABORT, '{_REFUSAL}');"] if condition else [s.format(ne="IS NOT") for s in statements]
    return f"CREATE TRIGGER IF NOT EXISTS {name} {timing} ON {table}{when} BEGIN {' '.join(body)} END"


def _postgresql(name: str, timing: str, table: str, condition: str | None, statements: list[str]) -> list[str]:
    ne = "IS DISTINCT FROM"
    if condition:
        # check_violation: an integrity error to the driver, as SQLite's ABORT is
        refuse = f"RAISE EXCEPTION '{_REFUSAL}' USING ERRCODE = 'check_violation';"
        body = f"IF {condition.format(ne=ne)} THEN {refuse} END IF; RETURN NEW;"
    else:  # an AFTER trigger's result is ignored
        body = " ".join(s.format(ne=ne) for s in statements) + " RETURN NULL;"
    function = f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN {body} END $body$"
    trigger = f"CREATE TRIGGER {name} {timing} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()"
    return [function, trigger]
