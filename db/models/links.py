"""Links between records of different ledgers, kept both ways.

A request that became a repair job, an agenda item or a public-works project is one row here:
(from_kind, from_id) → (to_kind, to_id). Either end finds the other (one index per direction), so
a resident can be told what became of what they raised, and a repair job shows where it came from.
Kinds are plain strings ("request", "repair", "safety_check", "agenda_item", "project"); app/links.py
checks them. Links point at rows that are soft-deleted, never hard-deleted, so no foreign keys.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Audited, Base, IdMixin


class Link(Audited, IdMixin, Base):
    __tablename__ = "links"
    __table_args__ = (
        UniqueConstraint("from_kind", "from_id", "to_kind", "to_id", name="uq_links_from_kind"),
        Index("ix_links_from", "from_kind", "from_id"),
        Index("ix_links_to", "to_kind", "to_id"),
    )

    from_kind: Mapped[str] = mapped_column(String(32))
    from_id: Mapped[int] = mapped_column(Integer)
    to_kind: Mapped[str] = mapped_column(String(32))
    to_id: Mapped[int] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    created_by: Mapped[str | None] = mapped_column(String(64))
