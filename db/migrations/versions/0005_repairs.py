"""Volunteer repair team: volunteers, repair jobs with timeline, volunteers and materials; home
safety checks with volunteers and findings.

Revision ID: 0005_repairs
Revises: 0004_requests
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_repairs"
down_revision = "0004_requests"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str, nullable: bool = True) -> sa.Column:
    referred = target.split(".")[0]
    return sa.Column(column, sa.Integer(), sa.ForeignKey(target, name=f"fk_{table}_{column}_{referred}"),
                     nullable=nullable)


def _index(table: str, *columns: str, name: str | None = None) -> None:
    op.create_index(name or f"ix_{table}_{columns[0]}", table, list(columns))


def _timestamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
        sa.Column("updated_at", sa.DateTime()),
    ]


def _removed() -> list[sa.Column]:
    return [sa.Column("removed_at", sa.DateTime()), sa.Column("removed_by", sa.String(64))]


def _flag(name: str, default: str) -> sa.Column:
    return sa.Column(name, sa.Boolean(), server_default=sa.text(default), nullable=False)


def _volunteers() -> None:
    op.create_table(
        "volunteers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.String(16), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("skills", sa.String(200), server_default="", nullable=False),
        sa.Column("phone", sa.String(64)),
        sa.Column("phone_digits", sa.String(64), server_default="", nullable=False),
        _flag("active", "1"),
        _fk("volunteers", "resident_id", "residents.id"),
        sa.Column("notes", sa.Text()),
        _flag("is_demo", "0"),
        sa.Column("search_text", sa.Text(), server_default="", nullable=False),
        *_timestamps(), *_removed(),
        sa.UniqueConstraint("number", name="uq_volunteers_number"),
    )
    for column in ("name", "resident_id", "removed_at"):
        _index("volunteers", column)


def _jobs() -> None:
    op.create_table(
        "repair_jobs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("job_date", sa.Date(), nullable=False),
        _fk("repair_jobs", "resident_id", "residents.id"),
        sa.Column("name", sa.String(64)),
        sa.Column("phone", sa.String(64)),
        sa.Column("address", sa.String(200)),
        sa.Column("item", sa.String(64), nullable=False),
        sa.Column("category", sa.String(8), nullable=False),
        sa.Column("fault", sa.Text()),
        sa.Column("appointment", sa.DateTime()),
        sa.Column("service_mode", sa.String(8)),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("outcome", sa.String(8)),
        sa.Column("result_note", sa.Text()),
        sa.Column("finished_at", sa.DateTime()),
        sa.Column("satisfaction", sa.String(8)),
        sa.Column("followed_up_at", sa.DateTime()),
        sa.Column("notes", sa.Text()),
        _flag("is_demo", "0"),
        sa.Column("phone_digits", sa.String(64), server_default="", nullable=False),
        sa.Column("search_text", sa.Text(), server_default="", nullable=False),
        *_timestamps(), *_removed(),
        sa.UniqueConstraint("number", name="uq_repair_jobs_number"),
    )
    for column in ("job_date", "resident_id", "removed_at"):
        _index("repair_jobs", column)
    _index("repair_jobs", "status", "job_date")
    _index("repair_jobs", "category", "job_date")
    op.create_table(
        "repair_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("repair_events", "job_id", "repair_jobs.id", nullable=False),
        sa.Column("step", sa.String(8), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("note", sa.Text()),
        sa.Column("from_status", sa.String(8)),
        sa.Column("to_status", sa.String(8), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
    )
    _index("repair_events", "job_id", "at")


def _job_children() -> None:
    op.create_table(
        "repair_volunteers",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("repair_volunteers", "job_id", "repair_jobs.id", nullable=False),
        _fk("repair_volunteers", "volunteer_id", "volunteers.id", nullable=False),
        sa.Column("minutes", sa.Integer(), server_default="0", nullable=False),
        *_removed(),
        sa.UniqueConstraint("job_id", "volunteer_id", name="uq_repair_volunteers_job_id"),
    )
    for column in ("job_id", "volunteer_id", "removed_at"):
        _index("repair_volunteers", column)
    op.create_table(
        "repair_materials",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("repair_materials", "job_id", "repair_jobs.id", nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("quantity", sa.Float(), server_default="1", nullable=False),
        sa.Column("unit", sa.String(8)),
        sa.Column("paid_by", sa.String(8), server_default="无偿", nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        *_removed(),
    )
    for column in ("job_id", "removed_at"):
        _index("repair_materials", column)


def _checks() -> None:
    op.create_table(
        "safety_checks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("check_date", sa.Date(), nullable=False),
        _fk("safety_checks", "resident_id", "residents.id"),
        sa.Column("name", sa.String(64)),
        sa.Column("address", sa.String(200), nullable=False),
        sa.Column("notes", sa.Text()),
        _flag("is_demo", "0"),
        sa.Column("search_text", sa.Text(), server_default="", nullable=False),
        *_timestamps(), *_removed(),
        sa.UniqueConstraint("number", name="uq_safety_checks_number"),
    )
    for column in ("check_date", "resident_id", "removed_at"):
        _index("safety_checks", column)
    op.create_table(
        "safety_check_volunteers",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("safety_check_volunteers", "check_id", "safety_checks.id", nullable=False),
        _fk("safety_check_volunteers", "volunteer_id", "volunteers.id", nullable=False),
        sa.Column("minutes", sa.Integer(), server_default="0", nullable=False),
        *_removed(),
        sa.UniqueConstraint("check_id", "volunteer_id", name="uq_safety_check_volunteers_check_id"),
    )
    for column in ("check_id", "volunteer_id", "removed_at"):
        _index("safety_check_volunteers", column)
    op.create_table(
        "safety_findings",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("safety_findings", "check_id", "safety_checks.id", nullable=False),
        sa.Column("category", sa.String(8), nullable=False),
        sa.Column("severity", sa.String(4), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        _flag("rectified", "0"),
        sa.Column("rectified_on", sa.Date()),
        sa.Column("follow_up", sa.Text()),
        _fk("safety_findings", "request_id", "requests.id"),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        *_timestamps(), *_removed(),
    )
    for column in ("check_id", "request_id", "removed_at"):
        _index("safety_findings", column)


def upgrade() -> None:
    _volunteers()
    _jobs()
    _job_children()
    _checks()


def downgrade() -> None:
    for table in ("safety_findings", "safety_check_volunteers", "safety_checks", "repair_materials",
                  "repair_volunteers", "repair_events", "repair_jobs", "volunteers"):
        op.drop_table(table)
