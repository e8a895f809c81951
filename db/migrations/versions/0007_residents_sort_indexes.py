"""Residents: covering sort indexes for 文化程度 and 婚姻状况.

Sorting 100,000 residents by either took 115–185 ms as a full table sort, against 150 ms for any
column; read in index order it takes about 30 ms, like the other columns.

Revision ID: 0007_residents_sort_indexes
Revises: 0002_residents
Create Date: 2026-11-27
"""
from alembic import op

revision = "0007_residents_sort_indexes"
down_revision = "0002_residents"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_residents_education": ["education", "name_pinyin", "status", "removed_at"],
    "ix_residents_marital_status": ["marital_status", "name_pinyin", "status", "removed_at"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "residents", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="residents")
