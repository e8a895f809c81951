"""The volunteer repair team (维修志愿服务队): volunteers, repair jobs, home safety checks.

A repair job (便民维修登记) keeps a snapshot of who asked (name, phone, address as typed or copied
from the roster) besides the optional link to the resident. ``status`` is the Chinese name of the
step that set it (登记, 派单, 上门, 到店, 完成, 再约, 转介, 回访); app/repairs/workflow.py holds the
legal steps and ``repair_events`` the timeline (who, when). Gas (燃气) is referral only.

Hours are stored as whole minutes (``minutes``) so sums are exact; the app speaks hours. They
count actual service only (no travel), per volunteer per job or check.

Child rows (volunteers on a job, materials, findings) are soft-deleted like everything else, so
the audit log keeps what a job once said. ``search_text`` and ``phone_digits`` are precomputed by
app/repairs on every write.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Audited, Base, IdMixin, SoftDeleteMixin, TimestampMixin


class Volunteer(Audited, IdMixin, TimestampMixin, SoftDeleteMixin, Base):
    """志愿者: a volunteer number (ZY-0001, never the ID number), skills joined with 、."""

    __tablename__ = "volunteers"

    number: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    skills: Mapped[str] = mapped_column(String(200), default="", server_default="")  # 水暖、电工
    phone: Mapped[str | None] = mapped_column(String(64))  # normalised, stored in full, shown masked
    phone_digits: Mapped[str] = mapped_column(String(64), default="", server_default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("1"))
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id"), index=True)
    notes: Mapped[str | None] = mapped_column(Text)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")


class RepairJob(Audited, IdMixin, TimestampMixin, SoftDeleteMixin, Base):
    """便民维修登记: one item to repair for one household."""

    __tablename__ = "repair_jobs"
    __table_args__ = (
        Index("ix_repair_jobs_status", "status", "job_date"),
        Index("ix_repair_jobs_category", "category", "job_date"),
    )

    number: Mapped[str] = mapped_column(String(32), unique=True)  # 单号 WX-20261126-01
    job_date: Mapped[date] = mapped_column(Date, index=True)  # 登记日期
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id"), index=True)
    name: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(64))
    address: Mapped[str | None] = mapped_column(String(200))
    item: Mapped[str] = mapped_column(String(64))  # 电风扇, 电饭锅 …
    category: Mapped[str] = mapped_column(String(8))  # 水 / 电 / 门窗 / 家电 / 燃气
    fault: Mapped[str | None] = mapped_column(Text)
    appointment: Mapped[datetime | None] = mapped_column(DateTime)
    service_mode: Mapped[str | None] = mapped_column(String(8))  # 上门 / 到店
    status: Mapped[str] = mapped_column(String(8))
    outcome: Mapped[str | None] = mapped_column(String(8))  # 修好 / 需再约 / 转介 / 无法修复
    result_note: Mapped[str | None] = mapped_column(Text)  # 处理情况, to whom it was referred …
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    satisfaction: Mapped[str | None] = mapped_column(String(8))  # 满意 / 基本满意 / 不满意
    followed_up_at: Mapped[datetime | None] = mapped_column(DateTime)
    notes: Mapped[str | None] = mapped_column(Text)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))
    phone_digits: Mapped[str] = mapped_column(String(64), default="", server_default="")
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")


class RepairEvent(Audited, IdMixin, Base):
    """One step on a repair job: who did what when (append-only; the timeline is never edited)."""

    __tablename__ = "repair_events"
    __table_args__ = (Index("ix_repair_events_job_id", "job_id", "at"),)

    job_id: Mapped[int] = mapped_column(ForeignKey("repair_jobs.id"))
    step: Mapped[str] = mapped_column(String(8))
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    from_status: Mapped[str | None] = mapped_column(String(8))
    to_status: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class RepairVolunteer(Audited, IdMixin, SoftDeleteMixin, Base):
    """A volunteer on a job and the minutes of actual service they gave it."""

    __tablename__ = "repair_volunteers"
    __table_args__ = (UniqueConstraint("job_id", "volunteer_id", name="uq_repair_volunteers_job_id"),)

    job_id: Mapped[int] = mapped_column(ForeignKey("repair_jobs.id"), index=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id"), index=True)
    minutes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class RepairMaterial(Audited, IdMixin, SoftDeleteMixin, Base):
    """材料: name × quantity (unit optional), and who paid (无偿 / 材料自付)."""

    __tablename__ = "repair_materials"

    job_id: Mapped[int] = mapped_column(ForeignKey("repair_jobs.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    quantity: Mapped[float] = mapped_column(Float, default=1, server_default="1")
    unit: Mapped[str | None] = mapped_column(String(8))
    paid_by: Mapped[str] = mapped_column(String(8), default="无偿", server_default="无偿")
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class SafetyCheck(Audited, IdMixin, TimestampMixin, SoftDeleteMixin, Base):
    """安全隐患排查: one visit to one home (or a stairwell, a courtyard: an address)."""

    __tablename__ = "safety_checks"

    number: Mapped[str] = mapped_column(String(32), unique=True)  # AQ-20261126-01
    check_date: Mapped[date] = mapped_column(Date, index=True)
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id"), index=True)
    name: Mapped[str | None] = mapped_column(String(64))
    address: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")


class SafetyCheckVolunteer(Audited, IdMixin, SoftDeleteMixin, Base):
    __tablename__ = "safety_check_volunteers"
    __table_args__ = (UniqueConstraint("check_id", "volunteer_id", name="uq_safety_check_volunteers_check_id"),)

    check_id: Mapped[int] = mapped_column(ForeignKey("safety_checks.id"), index=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id"), index=True)
    minutes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class SafetyFinding(Audited, IdMixin, TimestampMixin, SoftDeleteMixin, Base):
    """A hazard found: category (燃气, 电路, 消防通道, 其他), severity (一般 / 较大 / 重大), whether it
    was put right, the follow-up; ``request_id`` once it was escalated into a request."""

    __tablename__ = "safety_findings"

    check_id: Mapped[int] = mapped_column(ForeignKey("safety_checks.id"), index=True)
    category: Mapped[str] = mapped_column(String(8))
    severity: Mapped[str] = mapped_column(String(4))
    description: Mapped[str] = mapped_column(Text)
    rectified: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))
    rectified_on: Mapped[date | None] = mapped_column(Date)
    follow_up: Mapped[str | None] = mapped_column(Text)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("requests.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
