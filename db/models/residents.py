"""Residents (居民花名册): buildings and rooms, households, residents and special-group tags.

Sized for 100,000 residents: every sortable column is indexed (low-cardinality ones together with
``name_pinyin``, so "党员 by name" walks one index), and search runs as one scan over columns the
service precomputes on every write (``name_pinyin``, ``name_initials``, ``phone_digits``,
``search_text``, ``address_key``).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Audited, Base, IdMixin, SoftDeleteMixin, TimestampMixin

STATUS_ACTIVE = "active"
STATUS_MOVED_OUT = "moved_out"
STATUS_DECEASED = "deceased"
STATUSES = (STATUS_ACTIVE, STATUS_MOVED_OUT, STATUS_DECEASED)

# The one uniqueness rule for ID numbers: among people on the roster now. Someone who moved out
# or was removed may share a number with a newer row (moved back, typed again after removal).
ACTIVE_ID_WHERE = "removed_at IS NULL AND status = 'active' AND id_number IS NOT NULL"
# Covering indexes for sorting the roster: the sort columns, then status and removed_at so the
# default view (active, not removed) is read in index order from the index alone.
SORT_INDEXES = {
    "name_pinyin": ("name_pinyin",), "birth_date": ("birth_date",), "id_number": ("id_number",),
    "address_key": ("address_key",),
}
# The columns of few values (性别, 网格, 政治面貌 …) share one narrow covering index (migration
# 0008): a sort by one of them reads it whole and sorts (60–110 ms at 96,000 residents) instead of
# walking an index of its own, nine of which cost an import of 100,000 rows 1.1 s to rebuild.
SORT_KEYS_INDEX_COLUMNS = (
    "name_pinyin", "sex", "grid", "address_key", "relation_to_head", "person_type", "political_status",
    "residence_status", "education", "marital_status", "status", "removed_at")


def sort_index_columns(key: str) -> list[str]:
    """The index's columns, in order. The name index carries search_text as well, so a search
    sorted by name reads the index alone."""
    columns = list(SORT_INDEXES[key])
    columns += [c for c in ("status", "removed_at") if c not in columns]
    return columns + ["search_text"] if key == "name_pinyin" else columns


class Building(Audited, IdMixin, Base):
    """楼栋 within a 小区 (compound)."""

    __tablename__ = "buildings"
    __table_args__ = (UniqueConstraint("compound", "number", name="uq_buildings_compound_number"),)

    compound: Mapped[str] = mapped_column(String(64), default="", server_default="")
    number: Mapped[str] = mapped_column(String(16))


class Room(Audited, IdMixin, Base):
    """单元 + 室 in a building. Missing parts are "" (never NULL) so the unique key holds."""

    __tablename__ = "rooms"
    __table_args__ = (UniqueConstraint("building_id", "unit", "room", name="uq_rooms_building_id_unit_room"),)

    building_id: Mapped[int] = mapped_column(ForeignKey("buildings.id"))
    unit: Mapped[str] = mapped_column(String(8), default="", server_default="")
    room: Mapped[str] = mapped_column(String(16), default="", server_default="")


class Household(Audited, IdMixin, TimestampMixin, SoftDeleteMixin, Base):
    """户: a 户编号, where it lives and who heads it."""

    __tablename__ = "households"

    number: Mapped[str] = mapped_column(String(32), unique=True)
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id"), index=True)
    # residents.household_id points back here: the cycle is broken with use_alter.
    head_id: Mapped[int | None] = mapped_column(
        ForeignKey("residents.id", use_alter=True, name="fk_households_head_id_residents"), index=True
    )
    registered_address: Mapped[str | None] = mapped_column(String(200))


class Resident(Audited, IdMixin, TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "residents"
    __audit_exclude__ = ("name_pinyin", "name_initials", "phone_digits", "address_key", "search_text")
    __table_args__ = (
        # Queries write status and removed_at as +status / +removed_at (app/residents/queries.py):
        # seeking "status = 'active'" and fetching 100,000 rows one by one in name order took
        # 160–280 ms, the covering scan takes 40 ms.
        *(Index(f"ix_residents_{key}", *sort_index_columns(key)) for key in SORT_INDEXES),
        Index("ix_residents_sort_keys", *SORT_KEYS_INDEX_COLUMNS),
        Index("ix_residents_room_id", "room_id", "status", "removed_at"),  # counts per building from the index
        Index(
            "uq_residents_active_id_number",
            "id_number",
            unique=True,
            sqlite_where=text(ACTIVE_ID_WHERE),
        ),
    )

    name: Mapped[str] = mapped_column(String(64))
    former_name: Mapped[str | None] = mapped_column(String(64))
    sex: Mapped[str | None] = mapped_column(String(2))  # 男 / 女
    ethnicity: Mapped[str | None] = mapped_column(String(16))
    birth_date: Mapped[date | None] = mapped_column(Date)
    id_number: Mapped[str | None] = mapped_column(String(18))  # normalised
    phones: Mapped[str | None] = mapped_column(String(200))  # normalised, joined with 、
    registered_address: Mapped[str | None] = mapped_column(String(200))
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id"))
    grid: Mapped[str | None] = mapped_column(String(32))
    household_id: Mapped[int | None] = mapped_column(ForeignKey("households.id"), index=True)
    relation_to_head: Mapped[str | None] = mapped_column(String(16))
    residence_status: Mapped[str | None] = mapped_column(String(16))  # 人在户在 …
    person_type: Mapped[str | None] = mapped_column(String(8))  # 常住 / 流动
    political_status: Mapped[str | None] = mapped_column(String(16))
    education: Mapped[str | None] = mapped_column(String(16))
    marital_status: Mapped[str | None] = mapped_column(String(8))
    health: Mapped[str | None] = mapped_column(String(64))
    employer: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(16), default=STATUS_ACTIVE, server_default=STATUS_ACTIVE)
    left_on: Mapped[date | None] = mapped_column(Date)
    left_reason: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))
    # Precomputed by app/residents on every write; never typed by anyone.
    name_pinyin: Mapped[str] = mapped_column(String(200), default="", server_default="")
    name_initials: Mapped[str] = mapped_column(String(64), default="", server_default="")
    phone_digits: Mapped[str] = mapped_column(String(200), default="", server_default="")
    address_key: Mapped[str] = mapped_column(String(100), default="", server_default="")
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    # SoftDeleteMixin's column without its index (see __table_args__).
    removed_at: Mapped[datetime | None] = mapped_column(DateTime)


class Tag(Audited, IdMixin, Base):
    """Special-group tag (独居老人, 低保户 …); ``sensitive`` ones are PIPL sensitive information."""

    __tablename__ = "tags"

    name: Mapped[str] = mapped_column(String(32), unique=True)
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ResidentTag(Base):
    """A tag on a resident, with its detail (残疾人: "肢体 二级"). Changes are audited on the resident."""

    __tablename__ = "resident_tags"

    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id"), primary_key=True, index=True)
    detail: Mapped[str | None] = mapped_column(String(64))
