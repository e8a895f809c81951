"""Residents: buildings, rooms, households, residents, special-group tags.

Revision ID: 0002_residents
Revises: 0001_foundation
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

revision = "0002_residents"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None

ACTIVE_ID_WHERE = "removed_at IS NULL AND status = 'active' AND id_number IS NOT NULL"
# Written out here, not imported: a migration must not change when the models do.
SORT_INDEXES = {
    "name_pinyin": ("name_pinyin",), "birth_date": ("birth_date",), "id_number": ("id_number",),
    "address_key": ("address_key",), "sex": ("sex", "name_pinyin"), "grid": ("grid", "address_key"),
    "relation_to_head": ("relation_to_head", "name_pinyin"), "person_type": ("person_type", "name_pinyin"),
    "political_status": ("political_status", "name_pinyin"), "residence_status": ("residence_status", "name_pinyin"),
    "status": ("status", "name_pinyin"),
}

# (name, sensitive): the special groups of a community roster, in the order forms list them.
TAGS = (
    ("独居老人", False), ("空巢老人", False), ("低保户", True), ("特困", True), ("残疾人", True),
    ("退役军人", False), ("失独家庭", True), ("留守儿童", True), ("重点人员", True),
)


def _timestamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
        sa.Column("updated_at", sa.DateTime()),
        sa.Column("removed_at", sa.DateTime()),
        sa.Column("removed_by", sa.String(64)),
    ]


def _places() -> None:
    op.create_table(
        "buildings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("compound", sa.String(64), server_default="", nullable=False),
        sa.Column("number", sa.String(16), nullable=False),
        sa.UniqueConstraint("compound", "number", name="uq_buildings_compound_number"),
    )
    op.create_table(
        "rooms",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("building_id", sa.Integer(), sa.ForeignKey("buildings.id", name="fk_rooms_building_id_buildings"), nullable=False),
        sa.Column("unit", sa.String(8), server_default="", nullable=False),
        sa.Column("room", sa.String(16), server_default="", nullable=False),
        sa.UniqueConstraint("building_id", "unit", "room", name="uq_rooms_building_id_unit_room"),
    )


def _households() -> None:
    # head_id refers to residents, created next: SQLite checks foreign keys on use, not on CREATE.
    op.create_table(
        "households",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("room_id", sa.Integer(), sa.ForeignKey("rooms.id", name="fk_households_room_id_rooms")),
        sa.Column("head_id", sa.Integer(), sa.ForeignKey("residents.id", name="fk_households_head_id_residents")),
        sa.Column("registered_address", sa.String(200)),
        *_timestamps(),
        sa.UniqueConstraint("number", name="uq_households_number"),
    )
    op.create_index("ix_households_room_id", "households", ["room_id"])
    op.create_index("ix_households_head_id", "households", ["head_id"])
    op.create_index("ix_households_removed_at", "households", ["removed_at"])


def _resident_columns() -> list[sa.Column]:
    text = {
        "name": 64, "former_name": 64, "sex": 2, "ethnicity": 16, "id_number": 18, "phones": 200,
        "registered_address": 200, "grid": 32, "relation_to_head": 16, "residence_status": 16,
        "person_type": 8, "political_status": 16, "education": 16, "marital_status": 8, "health": 64,
        "employer": 100, "left_reason": 200,
    }
    columns = [sa.Column("id", sa.Integer(), primary_key=True)]
    columns += [sa.Column(key, sa.String(size), nullable=key != "name") for key, size in text.items()]
    columns += [
        sa.Column("birth_date", sa.Date()),
        sa.Column("room_id", sa.Integer(), sa.ForeignKey("rooms.id", name="fk_residents_room_id_rooms")),
        sa.Column("household_id", sa.Integer(), sa.ForeignKey("households.id", name="fk_residents_household_id_households")),
        sa.Column("status", sa.String(16), server_default="active", nullable=False),
        sa.Column("left_on", sa.Date()),
        sa.Column("notes", sa.Text()),
        sa.Column("is_demo", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("name_pinyin", sa.String(200), server_default="", nullable=False),
        sa.Column("name_initials", sa.String(64), server_default="", nullable=False),
        sa.Column("phone_digits", sa.String(200), server_default="", nullable=False),
        sa.Column("address_key", sa.String(100), server_default="", nullable=False),
        sa.Column("search_text", sa.Text(), server_default="", nullable=False),
    ]
    return columns + _timestamps()


def _residents() -> None:
    op.create_table("residents", *_resident_columns())
    # Covering sort indexes: the sort columns, then status and removed_at, so the default view
    # (active, not removed) is read from the index alone (see db/models/residents.py).
    for key, columns in SORT_INDEXES.items():
        tail = [c for c in ("status", "removed_at") if c not in columns]
        tail += ["search_text"] if key == "name_pinyin" else []  # searches sorted by name
        op.create_index(f"ix_residents_{key}", "residents", [*columns, *tail])
    op.create_index("ix_residents_room_id", "residents", ["room_id", "status", "removed_at"])
    op.create_index("ix_residents_household_id", "residents", ["household_id"])
    op.create_index("uq_residents_active_id_number", "residents", ["id_number"], unique=True,
                    sqlite_where=sa.text(ACTIVE_ID_WHERE))


def _tags() -> None:
    tags = op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("sensitive", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.UniqueConstraint("name", name="uq_tags_name"),
    )
    op.bulk_insert(tags, [
        {"id": index + 1, "name": name, "sensitive": sensitive, "position": index + 1}
        for index, (name, sensitive) in enumerate(TAGS)
    ])
    op.create_table(
        "resident_tags",
        sa.Column("resident_id", sa.Integer(), sa.ForeignKey("residents.id", name="fk_resident_tags_resident_id_residents"), primary_key=True),
        sa.Column("tag_id", sa.Integer(), sa.ForeignKey("tags.id", name="fk_resident_tags_tag_id_tags"), primary_key=True),
        sa.Column("detail", sa.String(64)),
    )
    op.create_index("ix_resident_tags_tag_id", "resident_tags", ["tag_id"])


def upgrade() -> None:
    _places()
    _households()
    _residents()
    _tags()


def downgrade() -> None:
    op.drop_table("resident_tags")
    op.drop_table("tags")
    op.drop_table("residents")
    op.drop_table("households")
    op.drop_table("rooms")
    op.drop_table("buildings")
