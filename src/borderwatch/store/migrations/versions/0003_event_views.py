"""event_views: the stored views of events seen in part

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 00:15:00

A reader who may see only some of an event's reports is shown the event composed from the visible
mentions alone. Composing it at each read was the largest cost of the access checks on a page read for the
first time; the write path now stores, for each mixed event, the view of each set of mentions a
combination of its reports' classes makes visible (`store/_partial_views.py`). The table starts empty:
events written before are composed at read time, as before, until they are derived again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_views",
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("mentions_key", sa.String(length=64), nullable=False),
        sa.Column("view", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "mentions_key"),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("event_views")
