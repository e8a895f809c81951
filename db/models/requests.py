"""Walk-in requests (来访登记 / 诉求台账) and every step taken on them.

A request keeps a snapshot of who raised it (name, phone, address as typed or copied from the
roster) besides the optional link to the resident, so an anonymous caller or someone not on the
roster can be registered, and a later change on the roster does not rewrite the ledger.
``status`` is the Chinese name of the step that set it (受理, 交办, 办理, 办结, 回访, 归档);
app/requests/workflow.py holds the legal transitions. ``request_events`` is the timeline.
``search_text`` and ``phone_digits`` are precomputed by app/requests on every write.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, func, text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Audited, Base, IdMixin, SoftDeleteMixin, TimestampMixin


class Request(Audited, IdMixin, TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "requests"
    __table_args__ = (
        Index("ix_requests_status_deadline", "status", "deadline"),
        Index("ix_requests_category", "category", "registered_at"),
        Index("ix_requests_channel", "channel", "registered_at"),
    )

    number: Mapped[str] = mapped_column(String(32), unique=True)  # 编号 FW-20261127-003
    registered_at: Mapped[datetime] = mapped_column(DateTime, index=True)  # 登记时间
    channel: Mapped[str] = mapped_column(String(16))  # 来访 / 来电 / 12345转办 / 网格上报
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id"), index=True)
    name: Mapped[str | None] = mapped_column(String(64))  # 诉求人 (None: anonymous)
    phone: Mapped[str | None] = mapped_column(String(64))  # normalised
    address: Mapped[str | None] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(16))
    content: Mapped[str] = mapped_column(Text)
    receiver: Mapped[str | None] = mapped_column(String(64))  # 受理人
    assignee: Mapped[str | None] = mapped_column(String(100))  # 交办单位/责任人
    deadline: Mapped[date | None] = mapped_column(Date, index=True)  # 时限
    status: Mapped[str] = mapped_column(String(8))
    handling: Mapped[str | None] = mapped_column(Text)  # 办理情况
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)  # 办结时间
    follow_up: Mapped[str | None] = mapped_column(String(8))  # 回访: 满意 / 基本满意 / 不满意
    followed_up_at: Mapped[datetime | None] = mapped_column(DateTime)
    archived_at: Mapped[datetime | None] = mapped_column(DateTime)
    external_number: Mapped[str | None] = mapped_column(String(64), index=True)  # 12345 工单号
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))
    phone_digits: Mapped[str] = mapped_column(String(64), default="", server_default="")
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")


class RequestEvent(IdMixin, Base):
    """One step on a request: who did what when, with the note, new assignee, deadline or result."""

    __tablename__ = "request_events"
    __table_args__ = (Index("ix_request_events_request_id", "request_id", "at"),)

    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"))
    step: Mapped[str] = mapped_column(String(16))  # 受理, 即办即结, 交办, 退回改派, 延期, 催办 …
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    assignee: Mapped[str | None] = mapped_column(String(100))  # 交办 / 退回改派: to whom
    deadline: Mapped[date | None] = mapped_column(Date)  # 延期 / 交办: the new deadline
    result: Mapped[str | None] = mapped_column(String(8))  # 回访: 满意 / 基本满意 / 不满意
    from_status: Mapped[str | None] = mapped_column(String(8))
    to_status: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
