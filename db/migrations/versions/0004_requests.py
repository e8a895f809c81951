"""Walk-in requests (来访登记) and their timeline.

Revision ID: 0004_requests
Revises: 0003_links
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_requests"
down_revision = "0003_links"
branch_labels = None
depends_on = None


def _requests() -> None:
    op.create_table(
        "requests",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("resident_id", sa.Integer(), sa.ForeignKey("residents.id", name="fk_requests_resident_id_residents")),
        sa.Column("name", sa.String(64)),
        sa.Column("phone", sa.String(64)),
        sa.Column("address", sa.String(200)),
        sa.Column("category", sa.String(16), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("receiver", sa.String(64)),
        sa.Column("assignee", sa.String(100)),
        sa.Column("deadline", sa.Date()),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("handling", sa.Text()),
        sa.Column("finished_at", sa.DateTime()),
        sa.Column("follow_up", sa.String(8)),
        sa.Column("followed_up_at", sa.DateTime()),
        sa.Column("archived_at", sa.DateTime()),
        sa.Column("external_number", sa.String(64)),
        sa.Column("is_demo", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("phone_digits", sa.String(64), server_default="", nullable=False),
        sa.Column("search_text", sa.Text(), server_default="", nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
        sa.Column("updated_at", sa.DateTime()),
        sa.Column("removed_at", sa.DateTime()),
        sa.Column("removed_by", sa.String(64)),
        sa.UniqueConstraint("number", name="uq_requests_number"),
    )
    for column in ("registered_at", "resident_id", "deadline", "external_number", "removed_at"):
        op.create_index(f"ix_requests_{column}", "requests", [column])
    op.create_index("ix_requests_status_deadline", "requests", ["status", "deadline"])
    op.create_index("ix_requests_category", "requests", ["category", "registered_at"])
    op.create_index("ix_requests_channel", "requests", ["channel", "registered_at"])


def _events() -> None:
    op.create_table(
        "request_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("request_id", sa.Integer(), sa.ForeignKey("requests.id", name="fk_request_events_request_id_requests"), nullable=False),
        sa.Column("step", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("note", sa.Text()),
        sa.Column("assignee", sa.String(100)),
        sa.Column("deadline", sa.Date()),
        sa.Column("result", sa.String(8)),
        sa.Column("from_status", sa.String(8)),
        sa.Column("to_status", sa.String(8), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
    )
    op.create_index("ix_request_events_request_id", "request_events", ["request_id", "at"])


def upgrade() -> None:
    _requests()
    _events()


def downgrade() -> None:
    op.drop_table("request_events")
    op.drop_table("requests")
