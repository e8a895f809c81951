"""Every change to an audited ledger row is written to audit_log: who, when, which table and row,
and each changed column as [old, new]. Removing and restoring are recorded as such (rows are never
deleted from the screen). A failed action leaves no audit entry behind, just as it leaves no data.

The foundation has no ledger yet, so a small audited model is declared here on its own declarative
base (its own MetaData), with its table created directly in the test database."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import Date, Numeric, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from db import audit
from db.models import Audited, AuditLog, IdMixin, Setting, SoftDeleteMixin, TimestampMixin


class _TestBase(DeclarativeBase):
    pass


class Volunteer(IdMixin, TimestampMixin, SoftDeleteMixin, Audited, _TestBase):
    __tablename__ = "test_volunteers"

    name: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(32))
    joined_on: Mapped[date | None] = mapped_column(Date)
    hours: Mapped[float | None] = mapped_column(Numeric(6, 1))


class Household(IdMixin, Audited, _TestBase):
    """A model with a derived search column, which the audit trail leaves out."""

    __tablename__ = "test_households"
    __audit_exclude__ = ("search_text",)

    number: Mapped[str] = mapped_column(String(32))
    search_text: Mapped[str] = mapped_column(String(200), default="")


@pytest.fixture
def db(tmp_db):
    _TestBase.metadata.create_all(tmp_db.engine)
    return tmp_db


def _log(database) -> list[AuditLog]:
    with database.reading() as session:
        return list(session.scalars(select(AuditLog).order_by(AuditLog.id)))


def test_insert_is_audited_with_actor_time_table_row_and_new_values(db):
    with db.unit_of_work(actor="张三") as session:
        volunteer = Volunteer(name="王秀兰", phone="13800138000", joined_on=date(2026, 3, 5))
        session.add(volunteer)
    (entry,) = _log(db)
    assert entry.action == "insert"
    assert entry.actor == "张三"
    assert entry.table_name == "test_volunteers"
    assert entry.row_id == volunteer.id and entry.row_id is not None
    assert isinstance(entry.at, datetime)
    assert abs((datetime.utcnow() - entry.at).total_seconds()) < 120  # CURRENT_TIMESTAMP is UTC
    changes = json.loads(entry.changes)
    assert changes["name"] == [None, "王秀兰"]  # stored as readable Chinese, not \\u escapes
    assert "王秀兰" in entry.changes
    assert changes["phone"] == [None, "13800138000"]
    assert changes["joined_on"] == [None, "2026-03-05"]


def test_update_records_old_and_new_of_changed_columns_only(db):
    with db.unit_of_work(actor="张三") as session:
        volunteer = Volunteer(name="王秀兰", phone="13800138000")
        session.add(volunteer)
    with db.unit_of_work(actor="李四") as session:
        row = session.get(Volunteer, volunteer.id)
        row.phone = "13900139000"
        row.name = "王秀兰"  # same value: not a change
    entries = _log(db)
    assert [e.action for e in entries] == ["insert", "update"]
    update = entries[1]
    assert update.actor == "李四"
    assert update.row_id == volunteer.id
    assert json.loads(update.changes) == {"phone": ["13800138000", "13900139000"]}


def test_a_no_op_write_is_not_audited(db):
    with db.unit_of_work() as session:
        volunteer = Volunteer(name="王秀兰")
        session.add(volunteer)
    with db.unit_of_work() as session:
        session.get(Volunteer, volunteer.id).name = "王秀兰"
    assert [e.action for e in _log(db)] == ["insert"]


def test_soft_remove_and_restore_are_named_as_such(db):
    with db.unit_of_work(actor="张三") as session:
        volunteer = Volunteer(name="王秀兰")
        session.add(volunteer)
    with db.unit_of_work(actor="张三") as session:
        row = session.get(Volunteer, volunteer.id)
        row.removed_at = datetime(2026, 11, 27, 9, 30)
        row.removed_by = "张三"
    with db.unit_of_work(actor="李四") as session:
        row = session.get(Volunteer, volunteer.id)
        row.removed_at = None
        row.removed_by = None
    entries = _log(db)
    assert [(e.action, e.actor) for e in entries] == [("insert", "张三"), ("remove", "张三"), ("restore", "李四")]
    removed = json.loads(entries[1].changes)
    assert removed["removed_at"] == [None, "2026-11-27 09:30:00"]
    assert removed["removed_by"] == [None, "张三"]
    assert json.loads(entries[2].changes)["removed_at"] == ["2026-11-27 09:30:00", None]
    assert all(e.row_id == volunteer.id for e in entries)
    with db.reading() as session:  # the row itself is still there
        assert session.get(Volunteer, volunteer.id).removed_at is None


def test_hard_delete_is_audited(db):
    with db.unit_of_work() as session:
        volunteer = Volunteer(name="王秀兰")
        session.add(volunteer)
    with db.unit_of_work(actor="管理员") as session:
        session.delete(session.get(Volunteer, volunteer.id))
    entry = _log(db)[-1]
    assert (entry.action, entry.actor, entry.row_id) == ("delete", "管理员", volunteer.id)


def test_actor_defaults_to_the_database_user(db):
    with db.unit_of_work() as session:
        session.add(Volunteer(name="王秀兰"))
    assert _log(db)[0].actor == "测试员"  # tmp_db was opened with actor="测试员"


def test_a_failed_action_leaves_neither_data_nor_audit(db):
    with pytest.raises(RuntimeError):
        with db.unit_of_work(actor="张三") as session:
            session.add(Volunteer(name="王秀兰"))
            session.flush()  # the audit row is written here …
            raise RuntimeError("the form's save failed half-way")
    assert _log(db) == []  # … and rolled back with everything else
    with db.reading() as session:
        assert session.scalars(select(Volunteer)).all() == []


def test_several_rows_in_one_action_each_get_their_id(db):
    with db.unit_of_work(actor="张三") as session:
        rows = [Volunteer(name=name) for name in ("王秀兰", "李建国", "张伟")]
        session.add_all(rows)
    entries = _log(db)
    assert sorted(e.row_id for e in entries) == sorted(r.id for r in rows)
    assert {json.loads(e.changes)["name"][1] for e in entries} == {"王秀兰", "李建国", "张伟"}


def test_models_not_marked_audited_are_not_logged(db):
    db.set_setting("office_name", "福通社区居委会")
    with db.reading() as session:
        assert session.get(Setting, "office_name").value == "福通社区居委会"
    assert _log(db) == []


def test_record_writes_a_summary_event(db):
    with db.unit_of_work(actor="张三") as session:
        audit.record(session, "export", "residents", details={"rows": 1200, "revealed": True, "on": date(2026, 11, 27)})
    (entry,) = _log(db)
    assert (entry.action, entry.actor, entry.table_name, entry.row_id) == ("export", "张三", "residents", None)
    assert json.loads(entry.changes) == {"rows": 1200, "revealed": True, "on": "2026-11-27"}


def test_derived_columns_are_left_out_of_the_trail(db):
    with db.unit_of_work(actor="张三") as session:
        household = Household(number="HH-001", search_text="hh001 zhangsan")
        session.add(household)
    with db.unit_of_work(actor="张三") as session:
        row = session.get(Household, household.id)
        row.search_text = "hh001 lisi"  # only the derived column changed: nothing to record
    with db.unit_of_work(actor="张三") as session:
        row = session.get(Household, household.id)
        row.number, row.search_text = "HH-002", "hh002"
    entries = _log(db)
    assert [e.action for e in entries] == ["insert", "update"]
    assert "search_text" not in json.loads(entries[0].changes)
    assert json.loads(entries[1].changes) == {"number": ["HH-001", "HH-002"]}
