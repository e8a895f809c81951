"""Registering, validating, searching and linking requests on a temporary database file."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from app import links
from app.errors import UserError, ValidationError
from app.requests import rules, service
from app.requests.feature import FEATURE, checks
from app.requests.search import RequestQuery
from app.residents import service as residents
from db.models import AuditLog, Request

T0 = datetime(2026, 11, 2, 9, 30)


def _create(db, **extra):
    data = {"channel": "来访", "category": "维修", "content": "楼道灯不亮", "registered_at": T0, **extra}
    return service.create(db, data, now=data["registered_at"] + timedelta(hours=1))


@pytest.fixture
def zhang(tmp_db) -> int:
    return residents.create(tmp_db, {"name": "张秀兰", "phones": "13912341031", "address": "安居苑3-2-401"})


def test_validation_names_each_field(tmp_db):
    with pytest.raises(ValidationError) as raised:
        _create(tmp_db, content="  ", phone="12345", deadline=date(2026, 11, 1), channel="微信")
    assert set(raised.value.errors) == {"content", "phone", "deadline", "channel"}
    with pytest.raises(ValidationError) as raised:
        _create(tmp_db, solved_on_spot=True, assignee="物业")
    assert set(raised.value.errors) == {"assignee"}
    with pytest.raises(ValidationError) as raised:
        service.create(tmp_db, {"content": "x", "registered_at": datetime(2027, 3, 1)}, now=T0)
    assert set(raised.value.errors) == {"registered_at"}
    with pytest.raises(ValidationError) as raised:
        _create(tmp_db, resident_id=999)
    assert set(raised.value.errors) == {"resident"}
    with tmp_db.reading() as session:
        assert session.scalar(select(Request.id)) is None


def test_phone_is_normalised_and_shown_masked(tmp_db):
    row = _create(tmp_db, name="刘先生", phone="139 1234 1031")
    assert row.phone_masked == "139****1031"
    assert service.reveal_phone(tmp_db, row.id) == "13912341031"
    with tmp_db.reading() as session:
        reveal = session.scalar(select(AuditLog).where(AuditLog.action == "reveal", AuditLog.table_name == "requests"))
    assert reveal.row_id == row.id and reveal.actor == "测试员" and json.loads(reveal.changes) == {"field": "phone"}


def test_a_roster_resident_gives_the_snapshot(tmp_db, zhang):
    row = _create(tmp_db, resident_id=zhang)
    assert (row.resident_id, row.name, row.phone_masked, row.address) == (zhang, "张秀兰", "139****1031", "安居苑3号楼2单元401室")
    typed = _create(tmp_db, resident_id=zhang, phone="0951-5012345", address="安居苑3-2-402")
    assert typed.phone_masked == "0951-****345" and typed.address == "安居苑3-2-402"
    assert service.detail(tmp_db, row.id).resident_name == "张秀兰"


def test_anonymous_requests_are_allowed(tmp_db):
    row = _create(tmp_db, channel="12345转办", external_number="20261102000123")
    assert row.name == "" and row.requester in ("Anonymous", "匿名")
    assert row.external_number == "20261102000123"


def test_numbers_count_per_day(tmp_db):
    first = _create(tmp_db)
    second = _create(tmp_db, registered_at=T0 + timedelta(hours=3))
    next_day = _create(tmp_db, registered_at=T0 + timedelta(days=1))
    assert (first.number, second.number, next_day.number) == ("FW-20261102-001", "FW-20261102-002", "FW-20261103-001")
    with pytest.raises(ValidationError) as raised:
        _create(tmp_db, number="FW-20261102-001")
    assert set(raised.value.errors) == {"number"}


@pytest.mark.parametrize("category, days", [("政策咨询", 1), ("维修", 3), ("环境卫生", 3), ("邻里纠纷", 7), ("其他", 5)])
def test_the_deadline_follows_the_category(tmp_db, category, days):
    assert _create(tmp_db, category=category).deadline == T0.date() + timedelta(days=days)


def test_the_category_table_is_editable(tmp_db):
    rules.set_categories(tmp_db, [("维修", 2), ("文明养犬", 4)])
    assert [c.name for c in rules.categories(tmp_db)] == ["维修", "文明养犬"]
    assert _create(tmp_db, category="文明养犬").deadline == T0.date() + timedelta(days=4)
    with pytest.raises(UserError):
        rules.set_categories(tmp_db, [("维修", 2), ("维修", 3)])
    with pytest.raises(UserError):
        rules.set_categories(tmp_db, [])


@pytest.fixture
def ledger(tmp_db, zhang):
    rows = {
        "light": _create(tmp_db, resident_id=zhang, content="楼道灯不亮", channel="网格上报"),
        "kettle": _create(tmp_db, name="刘先生", phone="13800001111", content="热水壶坏了", registered_at=T0 + timedelta(days=10)),
        "policy": _create(tmp_db, category="政策咨询", content="咨询高龄津贴", solved_on_spot=True, registered_at=T0 + timedelta(days=20)),
        "hotline": _create(tmp_db, channel="12345转办", external_number="20261103009876", category="环境卫生",
                           content="贸易巷污水外溢", address="贸易巷", registered_at=T0 + timedelta(days=1)),
    }
    return {key: row.id for key, row in rows.items()}


def _ids(db, **query):
    today = query.pop("today", date(2026, 11, 27))
    return set(service.query_ids(db, RequestQuery(**query), today=today))


@pytest.mark.parametrize("text, expected", [
    ("楼道灯", {"light"}), ("zxl", {"light"}), ("张秀兰", {"light"}), ("1031", {"light"}), ("3-2-401", {"light"}),
    ("FW-20261112", {"kettle"}), ("9876", {"hotline"}), ("贸易巷", {"hotline"}), ("刘先生 热水壶", {"kettle"}),
    ("13800001111", {"kettle"}), ("高龄", {"policy"}), ("没有这个", set()),
])
def test_search_finds_number_content_name_phone_and_address(tmp_db, ledger, text, expected):
    assert _ids(tmp_db, text=text) == {ledger[key] for key in expected}


def test_filters(tmp_db, ledger):
    assert _ids(tmp_db, status="办结") == {ledger["policy"]}
    assert _ids(tmp_db, status=("受理", "交办", "办理")) == {ledger["light"], ledger["kettle"], ledger["hotline"]}
    assert _ids(tmp_db, category="环境卫生") == {ledger["hotline"]}
    assert _ids(tmp_db, channel="网格上报") == {ledger["light"]}
    assert _ids(tmp_db, date_from=date(2026, 11, 3), date_to=date(2026, 11, 12)) == {ledger["hotline"], ledger["kettle"]}
    assert _ids(tmp_db, date_to=date(2026, 11, 2)) == {ledger["light"]}
    # 27 November: light (due 5th), hotline (due 6th) and kettle (due 15th) are overdue; policy is finished.
    assert _ids(tmp_db, overdue_only=True) == {ledger["light"], ledger["hotline"], ledger["kettle"]}
    assert _ids(tmp_db, overdue_only=True, today=date(2026, 11, 6)) == {ledger["light"]}
    assert _ids(tmp_db, overdue_only=True, today=date(2026, 11, 5)) == set()  # the deadline day is still in time


def test_rows_carry_the_overdue_flag_and_sort_in_the_database(tmp_db, ledger):
    ids = service.query_ids(tmp_db, RequestQuery(sort_key="registered_at", descending=False))
    rows = service.load_rows(tmp_db, ids, today=date(2026, 11, 7))
    assert [r.id for r in rows] == [ledger["light"], ledger["hotline"], ledger["kettle"], ledger["policy"]]
    flags = {r.id: (r.overdue, r.days_overdue) for r in rows}
    assert flags[ledger["light"]] == (True, 2)
    assert flags[ledger["hotline"]] == (True, 1)
    assert flags[ledger["kettle"]] == (False, 0)
    assert service.count_overdue(tmp_db, today=date(2026, 11, 7)) == 2
    by_deadline = service.query_ids(tmp_db, RequestQuery(sort_key="deadline", descending=False))
    assert by_deadline[0] == ledger["light"]


def test_removed_requests_leave_the_list(tmp_db, ledger):
    service.remove(tmp_db, ledger["kettle"])
    assert ledger["kettle"] not in _ids(tmp_db)
    assert _ids(tmp_db, only_removed=True) == {ledger["kettle"]}
    with tmp_db.reading() as session:
        assert FEATURE.count(session) == 3


def test_links_work_both_ways(tmp_db, ledger):
    service.link_to(tmp_db, ledger["light"], "project", 7, note="22 盏路灯更换")
    with tmp_db.unit_of_work() as session:
        links.link(session, "repair", 3, "request", ledger["kettle"])
        again = links.link(session, "request", ledger["kettle"], "repair", 3)  # the other way round: the same link
        assert again.from_kind == "repair"
        links.link(session, "agenda_item", 5, "request", ledger["light"])
    from_request = links.linked(tmp_db, "request", ledger["light"])
    assert [(l.kind, l.id, l.note) for l in from_request] == [("project", 7, "22 盏路灯更换"), ("agenda_item", 5, "")]
    assert from_request[0].created_by == "测试员"
    from_repair = links.linked(tmp_db, "repair", 3)
    assert [(l.kind, l.id) for l in from_repair] == [("request", ledger["kettle"])]
    assert from_repair[0].label.startswith("FW-20261112-001 热水壶坏了")
    assert [(l.kind, l.id) for l in service.detail(tmp_db, ledger["kettle"]).links] == [("repair", 3)]
    with tmp_db.reading() as session:
        assert links.linked_ids(session, "request", ledger["light"], "project") == [7]
        assert links.linked_ids(session, "project", 7, "request") == [ledger["light"]]
    with tmp_db.unit_of_work() as session:
        assert links.unlink(session, "request", ledger["kettle"], "repair", 3)
        assert not links.unlink(session, "request", ledger["kettle"], "repair", 3)
    assert links.linked(tmp_db, "repair", 3) == []


def test_links_refuse_unknown_kinds_and_self_links(tmp_db, ledger):
    with tmp_db.unit_of_work() as session:
        with pytest.raises(ValueError):
            links.link(session, "request", 1, "banana", 2)
        with pytest.raises(UserError):
            links.link(session, "request", 1, "request", 1)


def test_checks_find_inconsistent_rows(tmp_db, ledger):
    with tmp_db.reading() as session:
        assert checks(session) == []
    with tmp_db.unit_of_work() as session:
        session.execute(update(Request).where(Request.id == ledger["policy"]).values(finished_at=None))
        session.execute(update(Request).where(Request.id == ledger["light"]).values(status="暂停"))
        links.link(session, "request", 999, "repair", 1)
    with tmp_db.reading() as session:
        problems = checks(session)
    assert len(problems) == 3
    assert any("FW-20261122-001" in p for p in problems) and any("暂停" in p for p in problems)


def test_update_corrects_what_was_typed(tmp_db, ledger):
    row = service.update(tmp_db, ledger["kettle"], {"content": "电热水壶不加热", "category": "其他", "phone": "13800002222"})
    assert (row.content, row.category, row.phone_masked) == ("电热水壶不加热", "其他", "138****2222")
    assert service.query_ids(tmp_db, RequestQuery(text="不加热")) == [ledger["kettle"]]
    with pytest.raises(ValidationError):
        service.update(tmp_db, ledger["kettle"], {"content": ""})
