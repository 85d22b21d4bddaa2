"""event_classes: the access classes of each mixed event's reports

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 00:40:00

The reader's check of an event whose reports have different classes looked at each mention's report; the
write path now lists such an event's classes once (`store/_partial_views.py`), so the check is one index
range. The table starts empty: events without rows are checked mention by mention, as before, until they
are derived again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_classes",
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["class_id"], ["access_classes.id"]),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "class_id"),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("event_classes")
