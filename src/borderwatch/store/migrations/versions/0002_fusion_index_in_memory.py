"""fusion's candidates come from memory: no fusion_keys table; fusion_mentions indexed by period only

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 11:05:00

Fusion reads its candidates from an in-memory index that loads whole periods (`store/_fusion_memory.py`),
so the secondary-key table, which took about ten rows per mention stored, is read by nothing; the period
index (`bucket` alone) is what loading a period reads, and its new entries are appended. Downgrading
rebuilds `fusion_keys` from each mention's `bkeys`.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_BUCKET_DAYS = 16  # fuse.day_bucket's period when this migration was written


def upgrade() -> None:
    op.drop_table("fusion_keys")
    with op.batch_alter_table("fusion_mentions", schema=None) as batch_op:
        batch_op.drop_index("ix_fusion_mentions_grid")
        batch_op.create_index("ix_fusion_mentions_bucket", ["bucket"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("fusion_mentions", schema=None) as batch_op:
        batch_op.drop_index("ix_fusion_mentions_bucket")
        batch_op.create_index("ix_fusion_mentions_grid", ["bucket", "cell", "day_hi"], unique=False)
    keys = op.create_table(
        "fusion_keys",
        sa.Column("bucket", sa.Integer(), nullable=False),
        sa.Column("bkey", sa.BigInteger(), nullable=False),
        sa.Column("day_hi", sa.Integer(), nullable=False),
        sa.Column("mention", sa.String(length=80), nullable=False),
        sa.Column("day_lo", sa.Integer(), nullable=False),
        sa.Column("family", sa.String(length=24), nullable=False),
        sa.PrimaryKeyConstraint("bucket", "bkey", "day_hi", "mention"),
        sqlite_with_rowid=False,
    )
    rows = op.get_bind().execute(sa.text("SELECT key, day_lo, day_hi, family, bkeys FROM fusion_mentions"))
    values = [
        {"bucket": day_hi // _BUCKET_DAYS, "bkey": int(k), "day_hi": day_hi, "mention": key, "day_lo": lo, "family": f}
        for key, lo, day_hi, f, bkeys in rows
        for k in bkeys.split()
    ]
    if values:
        op.bulk_insert(keys, values)
