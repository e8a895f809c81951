"""Tables of the house itself: the audit log and key/value settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class AuditLog(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp(), index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))  # insert, update, delete, remove, restore, reveal, export, import
    table_name: Mapped[str] = mapped_column(String(64), index=True)
    row_id: Mapped[int | None] = mapped_column(Integer, index=True)
    changes: Mapped[str | None] = mapped_column(Text)  # JSON {column: [old, new]} or details


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)
