"""Home safety checks: findings kept through edits, and a serious finding escalated into a request
that both sides can see."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app import links
from app.errors import UserError, ValidationError
from app.repairs import safety
from app.requests import service as requests
from db.models import AuditLog, Request, SafetyFinding
from tests.app.repairs_data import resident, team

DAY = date(2026, 10, 12)


def _check(db, **values) -> int:
    data = {"check_date": DAY, "address": "安居苑3号楼2单元401室", "findings": [
        {"category": "燃气", "severity": "重大", "description": "燃气胶管老化开裂，有异味"},
        {"category": "电路", "severity": "一般", "description": "插排串接使用"}]}
    data.update(values)
    return safety.create_check(db, data, today=DAY)


def test_a_check_keeps_its_findings_and_volunteers_through_edits(tmp_db):
    people = team(tmp_db)
    zhang = resident(tmp_db)
    check_id = _check(tmp_db, resident_id=zhang, address=None, volunteers=[(people["wang"], 1)])
    row, _links = safety.get_check(tmp_db, check_id)
    assert (row.number, row.name, row.address, row.worst, row.open_findings) == (
        "AQ-20261012-01", "张秀兰", "安居苑3号楼2单元401室", "重大", 2)
    gas, plug = row.findings
    safety.update_check(tmp_db, check_id, {
        "check_date": DAY, "resident_id": zhang, "address": row.address, "volunteers": [(people["wang"], 1.5)],
        "findings": [{"id": gas.id, "category": "燃气", "severity": "重大", "description": gas.description,
                      "follow_up": "已关阀，通知燃气公司"},
                     {"category": "消防通道", "severity": "较大", "description": "楼道堆放纸箱"}]}, today=DAY)
    row, _links = safety.get_check(tmp_db, check_id)
    assert [(f.id == gas.id, f.category, f.follow_up) for f in row.findings] == [
        (True, "燃气", "已关阀，通知燃气公司"), (False, "消防通道", "")]
    assert row.volunteers[0][2] == 90
    with tmp_db.reading() as session:
        removed = session.get(SafetyFinding, plug.id)
        assert removed.removed_at is not None and removed.removed_by == "测试员"
        assert session.scalar(select(AuditLog.id).where(AuditLog.table_name == "safety_findings", AuditLog.action == "remove"))


def test_a_check_needs_an_address_or_a_resident(tmp_db):
    with pytest.raises(ValidationError) as raised:
        safety.create_check(tmp_db, {"check_date": DAY, "findings": [{"description": "x", "severity": "特大"}]}, today=DAY)
    assert set(raised.value.errors) == {"address", "findings"}


def test_a_serious_finding_becomes_a_request_linked_both_ways(tmp_db, zh_cn):
    zhang = resident(tmp_db)
    check_id = _check(tmp_db, resident_id=zhang)
    gas, plug = safety.get_check(tmp_db, check_id)[0].findings
    assert gas.can_escalate and not plug.can_escalate
    request_id = safety.escalate_finding(tmp_db, gas.id)
    detail = requests.detail(tmp_db, request_id)
    assert detail.row.channel == "网格上报" and detail.row.resident_id == zhang and detail.row.name == "张秀兰"
    assert "燃气胶管老化开裂" in detail.row.content and "AQ-20261012-01" in detail.row.content
    from_check = safety.get_check(tmp_db, check_id)[1]
    from_request = links.linked(tmp_db, "request", request_id)
    assert [(l.kind, l.id) for l in from_check] == [("request", request_id)]
    assert [(l.kind, l.id) for l in from_request] == [("safety_check", check_id)]
    assert from_request[0].label.startswith("安全排查 AQ-20261012-01")
    escalated = safety.get_check(tmp_db, check_id)[0].findings[0]
    assert escalated.request_id == request_id and escalated.request_number == detail.row.number
    assert not escalated.can_escalate
    with pytest.raises(UserError):
        safety.escalate_finding(tmp_db, gas.id)
    with pytest.raises(UserError):
        safety.escalate_finding(tmp_db, plug.id)
    with tmp_db.reading() as session:
        assert session.scalar(select(Request.id).where(Request.id != request_id)) is None


def test_checks_are_listed_and_filtered(tmp_db):
    first = _check(tmp_db)
    second = _check(tmp_db, address="银啤苑5号楼", findings=[{"category": "其他", "severity": "一般", "description": "护栏松动",
                                                           "rectified": True, "rectified_on": DAY}])
    assert [r.id for r in safety.list_checks(tmp_db)] == [second, first]
    assert [r.id for r in safety.list_checks(tmp_db, open_only=True)] == [first]
    assert [r.id for r in safety.list_checks(tmp_db, text="银啤苑")] == [second]
    safety.remove_check(tmp_db, first)
    assert [r.id for r in safety.list_checks(tmp_db)] == [second]
