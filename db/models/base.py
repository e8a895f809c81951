"""Declarative base and the mixins every ledger's tables share."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, MetaData, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Audited:
    """Marker: every insert, update and delete of this model is written to audit_log."""


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[datetime | None] = mapped_column(DateTime, onupdate=func.current_timestamp())


class SoftDeleteMixin:
    """Rows are never deleted from the screen: they are marked removed, with who and when."""

    removed_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    removed_by: Mapped[str | None] = mapped_column(String(64))


class IdMixin:
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
