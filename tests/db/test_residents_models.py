"""Residents schema: the migration matches the models, the rules the database itself enforces, audit."""

from __future__ import annotations

import json
from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError

from db.models import AuditLog, Base, Building, Household, Resident, ResidentTag, Room, Tag

TABLES = {"buildings", "rooms", "households", "residents", "tags", "resident_tags"}


def _make(**values) -> Resident:
    defaults = {"name": "张秀兰", "status": "active", "name_pinyin": "zhangxiulan", "search_text": "张秀兰"}
    return Resident(**{**defaults, **values})


def test_migration_creates_the_tables_and_indexes(tmp_db):
    with tmp_db.engine.connect() as conn:
        inspector = inspect(conn)
        assert TABLES <= set(inspector.get_table_names())
        indexes = {ix["name"]: ix for ix in inspector.get_indexes("residents")}
    assert set(indexes) == {
        "ix_residents_name_pinyin", "ix_residents_birth_date", "ix_residents_id_number", "ix_residents_address_key",
        "ix_residents_sort_keys", "ix_residents_room_id", "ix_residents_household_id", "uq_residents_active_id_number"}
    assert indexes["uq_residents_active_id_number"]["unique"]
    # Nothing may start with status or removed_at (see the model): SQLite would seek it.
    assert not any(ix["column_names"][0] in ("status", "removed_at") for ix in indexes.values())
    # The columns of few values are sorted from one index that holds them all (migration 0008).
    assert {"sex", "grid", "education", "marital_status", "status", "removed_at"} <= set(
        indexes["ix_residents_sort_keys"]["column_names"])


def test_models_match_the_migration(tmp_db):
    with tmp_db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = compare_metadata(context, Base.metadata)

    def table_of(diff):
        item = diff[0] if isinstance(diff, list) else diff
        for part in item[1:]:
            name = getattr(part, "name", None) if not isinstance(part, str) else part
            table = getattr(getattr(part, "table", None), "name", None)
            if table in TABLES or name in TABLES:
                return True
        return False

    assert [d for d in diffs if table_of(d)] == []


def test_tags_are_seeded_with_their_sensitivity(tmp_db):
    with tmp_db.reading() as session:
        tags = {t.name: t.sensitive for t in session.scalars(select(Tag).order_by(Tag.position))}
    assert list(tags) == ["独居老人", "空巢老人", "低保户", "特困", "残疾人", "退役军人", "失独家庭", "留守儿童", "重点人员"]
    assert {name for name, sensitive in tags.items() if sensitive} == {"低保户", "特困", "残疾人", "失独家庭", "留守儿童", "重点人员"}


def test_one_active_person_per_id_number(tmp_db):
    number = "11010519491231002X"
    with tmp_db.unit_of_work() as session:
        session.add(_make(id_number=number))
    with pytest.raises(IntegrityError):
        with tmp_db.unit_of_work() as session:
            session.add(_make(id_number=number))
    with tmp_db.unit_of_work() as session:
        # Someone moved out, or a removed record, may share the number with the active one.
        session.add(_make(id_number=number, status="moved_out", left_on=date(2020, 1, 1)))
        session.add(_make(id_number=number, removed_at=date(2024, 1, 1)))
        session.add(_make(id_number=None))
        session.add(_make(id_number=None))
    with tmp_db.reading() as session:
        assert session.scalar(select(Resident.id).where(Resident.id_number == number).order_by(Resident.id).limit(1))


def test_household_head_and_rooms(tmp_db):
    with tmp_db.unit_of_work() as session:
        building = Building(compound="安居苑", number="3")
        session.add(building)
        session.flush()
        room = Room(building_id=building.id, unit="2", room="401")
        session.add(room)
        session.flush()
        household = Household(number="FT000001", room_id=room.id)
        session.add(household)
        session.flush()
        head = _make(room_id=room.id, household_id=household.id, relation_to_head="户主")
        session.add(head)
        session.flush()
        household.head_id = head.id
        session.add(ResidentTag(resident_id=head.id, tag_id=1, detail=None))
    with tmp_db.reading() as session:
        assert session.get(Household, household.id).head_id == head.id
    with pytest.raises(IntegrityError):  # the same room twice
        with tmp_db.unit_of_work() as session:
            session.add(Room(building_id=building.id, unit="2", room="401"))
    with pytest.raises(IntegrityError):  # foreign keys are on
        with tmp_db.unit_of_work() as session:
            session.execute(text("UPDATE households SET head_id = 999999"))


def test_changes_to_residents_are_audited(tmp_db):
    with tmp_db.unit_of_work(actor="王主任") as session:
        person = _make(phones="13912341031")
        session.add(person)
    with tmp_db.unit_of_work(actor="李干事") as session:
        session.get(Resident, person.id).phones = "13912341032"
    with tmp_db.reading() as session:
        rows = session.scalars(select(AuditLog).where(AuditLog.table_name == "residents").order_by(AuditLog.id)).all()
    assert [(r.action, r.actor, r.row_id) for r in rows] == [("insert", "王主任", person.id), ("update", "李干事", person.id)]
    assert json.loads(rows[1].changes)["phones"] == ["13912341031", "13912341032"]
