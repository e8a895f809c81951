"""Deliberation meetings (议事) and their minutes.

A meeting has a header (kind, name + 届次, date with start and end time, place, chair, recorder),
attendance rows (present, absent with a reason, 列席 non-voting), agenda items with their origin,
discussion (speeches in order), vote and resolution, and action items that stay open until closed
with a result (raise → deliberate → act → evaluate). A decision chain ties four agenda items of a
major matter together (四议两公开). Once signed, a meeting is finalised (finalized_at/by) and later
corrections are amendments, never silent edits. Every table is audited.

Origins are kept general: ``origin_kind`` ("request", "action_item", "proposal" …), ``origin_id``
(no foreign key: it may point into another ledger) and ``origin_text`` as printed.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, Time, func, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Audited, Base, IdMixin, SoftDeleteMixin, TimestampMixin

ROLE_PRESENT = "present"
ROLE_ABSENT = "absent"
ROLE_OBSERVER = "observer"  # 列席: attends without a vote
ROLES = (ROLE_PRESENT, ROLE_ABSENT, ROLE_OBSERVER)

ACTION_OPEN = "open"
ACTION_DONE = "done"


class Meeting(Audited, IdMixin, TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "meetings"

    number: Mapped[str] = mapped_column(String(32), unique=True)  # HY-20250305-01
    kind: Mapped[str] = mapped_column(String(16), index=True)  # 罐罐茶议事, 党员大会 …
    title: Mapped[str] = mapped_column(String(200))
    session_label: Mapped[str | None] = mapped_column(String(64))  # 届次
    held_on: Mapped[date] = mapped_column(Date, index=True)
    starts_at: Mapped[time | None] = mapped_column(Time)
    ends_at: Mapped[time | None] = mapped_column(Time)
    place: Mapped[str | None] = mapped_column(String(200))
    chair: Mapped[str | None] = mapped_column(String(64))
    recorder: Mapped[str | None] = mapped_column(String(64))
    notes: Mapped[str | None] = mapped_column(Text)
    finalized_at: Mapped[datetime | None] = mapped_column(DateTime)
    finalized_by: Mapped[str | None] = mapped_column(String(64))
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))

    attendees: Mapped[list["MeetingAttendee"]] = relationship(
        order_by="MeetingAttendee.position", cascade="all, delete-orphan")
    agenda_items: Mapped[list["AgendaItem"]] = relationship(
        order_by="AgendaItem.position", cascade="all, delete-orphan")
    amendments: Mapped[list["MeetingAmendment"]] = relationship(
        order_by="MeetingAmendment.id", cascade="all, delete-orphan")


class MeetingAttendee(Audited, IdMixin, Base):
    """One person in the attendance: a resident picked from the roster, or a typed guest."""

    __tablename__ = "meeting_attendees"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))  # as printed, even if the roster changes later
    role: Mapped[str] = mapped_column(String(16), default=ROLE_PRESENT)
    reason: Mapped[str | None] = mapped_column(String(200))  # why absent
    note: Mapped[str | None] = mapped_column(String(100))  # 身份 / 单位, e.g. 3号楼楼长


class AgendaItem(Audited, IdMixin, Base):
    __tablename__ = "agenda_items"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300))
    origin_kind: Mapped[str | None] = mapped_column(String(32))
    origin_id: Mapped[int | None] = mapped_column(Integer)
    origin_text: Mapped[str | None] = mapped_column(Text)
    vote_method: Mapped[str | None] = mapped_column(String(8))  # 举手 / 无记名, None: no vote
    votes_for: Mapped[int | None] = mapped_column(Integer)
    votes_against: Mapped[int | None] = mapped_column(Integer)
    votes_abstain: Mapped[int | None] = mapped_column(Integer)
    resolution: Mapped[str | None] = mapped_column(Text)
    responsible: Mapped[str | None] = mapped_column(String(64))
    deadline: Mapped[date | None] = mapped_column(Date)

    speeches: Mapped[list["Speech"]] = relationship(order_by="Speech.position", cascade="all, delete-orphan")
    actions: Mapped[list["ActionItem"]] = relationship(order_by="ActionItem.position", cascade="all, delete-orphan")


class Speech(Audited, IdMixin, Base):
    """发言: who said what, in the order it was said."""

    __tablename__ = "meeting_speeches"

    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    speaker: Mapped[str] = mapped_column(String(64))
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id"))
    content: Mapped[str] = mapped_column(Text, default="")


class ActionItem(Audited, IdMixin, Base):
    """A task a resolution created; open until closed with a result and a date (评事)."""

    __tablename__ = "action_items"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str | None] = mapped_column(String(64))
    deadline: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(8), default=ACTION_OPEN, index=True)
    result: Mapped[str | None] = mapped_column(Text)
    closed_on: Mapped[date | None] = mapped_column(Date)
    closed_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))  # reviewed there

    meeting: Mapped[Meeting] = relationship(foreign_keys=[meeting_id])


class MeetingAmendment(Audited, IdMixin, Base):
    """更正: a dated correction to finalised minutes, printed with them."""

    __tablename__ = "meeting_amendments"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    made_on: Mapped[date] = mapped_column(Date)
    author: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class DecisionChain(Audited, IdMixin, TimestampMixin, SoftDeleteMixin, Base):
    """四议两公开: one major matter through four agenda items and two public notices."""

    __tablename__ = "decision_chains"

    title: Mapped[str] = mapped_column(String(200))
    propose_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id"))  # 党组织提议
    consult_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id"))  # 两委会商议
    review_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id"))  # 党员大会审议
    resolve_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id"))  # 居民(代表)会议决议
    decision_notice_from: Mapped[date | None] = mapped_column(Date)  # 决议公开
    decision_notice_to: Mapped[date | None] = mapped_column(Date)
    result_notice_from: Mapped[date | None] = mapped_column(Date)  # 结果公开
    result_notice_to: Mapped[date | None] = mapped_column(Date)
    result_text: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))
