"""Links between records of different ledgers (request → repair job, agenda item, project …).

Revision ID: 0003_links
Revises: 0002_residents
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

revision = "0003_links"
down_revision = "0002_residents"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "links",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("from_kind", sa.String(32), nullable=False),
        sa.Column("from_id", sa.Integer(), nullable=False),
        sa.Column("to_kind", sa.String(32), nullable=False),
        sa.Column("to_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(200)),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
        sa.Column("created_by", sa.String(64)),
        sa.UniqueConstraint("from_kind", "from_id", "to_kind", "to_id", name="uq_links_from_kind"),
    )
    op.create_index("ix_links_from", "links", ["from_kind", "from_id"])
    op.create_index("ix_links_to", "links", ["to_kind", "to_id"])


def downgrade() -> None:
    op.drop_table("links")
