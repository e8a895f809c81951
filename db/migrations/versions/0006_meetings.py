"""Deliberation meetings: attendance, agenda items, speeches, action items, amendments, 四议两公开.

Revision ID: 0006_meetings
Revises: 0003_links
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_meetings"
down_revision = "0003_links"
branch_labels = None
depends_on = ("0002_residents",)


def _fk(table: str, column: str, target: str) -> sa.Column:
    referred = target.split(".")[0]
    return sa.Column(column, sa.Integer(), sa.ForeignKey(target, name=f"fk_{table}_{column}_{referred}"))


def _index(table: str, *columns: str) -> None:
    op.create_index(f"ix_{table}_{columns[0]}", table, list(columns))


def _soft_timestamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
        sa.Column("updated_at", sa.DateTime()),
        sa.Column("removed_at", sa.DateTime()),
        sa.Column("removed_by", sa.String(64)),
    ]


def _meetings() -> None:
    op.create_table(
        "meetings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("session_label", sa.String(64)),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.Time()),
        sa.Column("ends_at", sa.Time()),
        sa.Column("place", sa.String(200)),
        sa.Column("chair", sa.String(64)),
        sa.Column("recorder", sa.String(64)),
        sa.Column("notes", sa.Text()),
        sa.Column("finalized_at", sa.DateTime()),
        sa.Column("finalized_by", sa.String(64)),
        sa.Column("is_demo", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        *_soft_timestamps(),
        sa.UniqueConstraint("number", name="uq_meetings_number"),
    )
    for column in ("kind", "held_on", "removed_at"):
        _index("meetings", column)


def _attendance() -> None:
    op.create_table(
        "meeting_attendees",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meetings.id", name="fk_meeting_attendees_meeting_id_meetings"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _fk("meeting_attendees", "resident_id", "residents.id"),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(200)),
        sa.Column("note", sa.String(100)),
    )
    _index("meeting_attendees", "meeting_id")
    _index("meeting_attendees", "resident_id")


def _agenda() -> None:
    op.create_table(
        "agenda_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meetings.id", name="fk_agenda_items_meeting_id_meetings"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("origin_kind", sa.String(32)),
        sa.Column("origin_id", sa.Integer()),
        sa.Column("origin_text", sa.Text()),
        sa.Column("vote_method", sa.String(8)),
        sa.Column("votes_for", sa.Integer()),
        sa.Column("votes_against", sa.Integer()),
        sa.Column("votes_abstain", sa.Integer()),
        sa.Column("resolution", sa.Text()),
        sa.Column("responsible", sa.String(64)),
        sa.Column("deadline", sa.Date()),
    )
    _index("agenda_items", "meeting_id")
    op.create_table(
        "meeting_speeches",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("agenda_item_id", sa.Integer(), sa.ForeignKey("agenda_items.id", name="fk_meeting_speeches_agenda_item_id_agenda_items"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("speaker", sa.String(64), nullable=False),
        _fk("meeting_speeches", "resident_id", "residents.id"),
        sa.Column("content", sa.Text(), nullable=False),
    )
    _index("meeting_speeches", "agenda_item_id")


def _actions() -> None:
    op.create_table(
        "action_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meetings.id", name="fk_action_items_meeting_id_meetings"), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), sa.ForeignKey("agenda_items.id", name="fk_action_items_agenda_item_id_agenda_items"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("responsible", sa.String(64)),
        sa.Column("deadline", sa.Date()),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("result", sa.Text()),
        sa.Column("closed_on", sa.Date()),
        _fk("action_items", "closed_meeting_id", "meetings.id"),
    )
    for column in ("meeting_id", "agenda_item_id", "status"):
        _index("action_items", column)
    op.create_table(
        "meeting_amendments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meetings.id", name="fk_meeting_amendments_meeting_id_meetings"), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("author", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False),
    )
    _index("meeting_amendments", "meeting_id")


def _chains() -> None:
    stages = ("propose_item_id", "consult_item_id", "review_item_id", "resolve_item_id")
    op.create_table(
        "decision_chains",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        *[_fk("decision_chains", column, "agenda_items.id") for column in stages],
        sa.Column("decision_notice_from", sa.Date()),
        sa.Column("decision_notice_to", sa.Date()),
        sa.Column("result_notice_from", sa.Date()),
        sa.Column("result_notice_to", sa.Date()),
        sa.Column("result_text", sa.Text()),
        sa.Column("notes", sa.Text()),
        sa.Column("is_demo", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        *_soft_timestamps(),
    )
    _index("decision_chains", "removed_at")


def upgrade() -> None:
    _meetings()
    _attendance()
    _agenda()
    _actions()
    _chains()


def downgrade() -> None:
    for table in ("decision_chains", "meeting_amendments", "action_items", "meeting_speeches",
                  "agenda_items", "meeting_attendees", "meetings"):
        op.drop_table(table)
