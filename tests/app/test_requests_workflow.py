"""The request flow: legal steps only, each with its time, actor and note on the timeline."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.database import Database
from app.errors import UserError, ValidationError
from app.requests import service, workflow
from app.requests.workflow import allowed_steps
from db.models import AuditLog

T0 = datetime(2026, 11, 2, 9, 30)


def _create(db, **extra) -> int:
    data = {"channel": "来访", "category": "维修", "content": "热水壶坏了", "registered_at": T0, **extra}
    return service.create(db, data, now=T0 + timedelta(hours=1)).id


def _steps(db, request_id):
    return [(e.step, e.actor, e.at, e.from_status, e.to_status) for e in service.detail(db, request_id).events]


def test_a_new_request_is_registered_with_its_event(tmp_db):
    request_id = _create(tmp_db)
    detail = service.detail(tmp_db, request_id, today=T0.date())
    assert detail.row.status == "受理"
    assert detail.row.receiver == "测试员"
    assert [(e.step, e.actor, e.at, e.to_status) for e in detail.events] == [("受理", "测试员", T0, "受理")]
    assert detail.allowed_steps == ("即办即结", "交办", "延期")


def test_the_main_path_records_every_step_with_time_and_actor(db_path, tmp_db):
    request_id = _create(tmp_db)
    other = Database.open(db_path, actor="李娟")
    try:
        service.advance(tmp_db, request_id, "交办", assignee="物业公司", at=T0 + timedelta(hours=1))
        service.advance(other, request_id, "办理", note="已联系物业", at=T0 + timedelta(hours=5))
        service.advance(other, request_id, "办结", note="更换温控器，修好", at=T0 + timedelta(days=1))
        service.advance(tmp_db, request_id, "回访", result="满意", note="电话回访", at=T0 + timedelta(days=2))
        service.advance(tmp_db, request_id, "归档", at=T0 + timedelta(days=9))
    finally:
        other.close()
    assert _steps(tmp_db, request_id) == [
        ("受理", "测试员", T0, "", "受理"),
        ("交办", "测试员", T0 + timedelta(hours=1), "受理", "交办"),
        ("办理", "李娟", T0 + timedelta(hours=5), "交办", "办理"),
        ("办结", "李娟", T0 + timedelta(days=1), "办理", "办结"),
        ("回访", "测试员", T0 + timedelta(days=2), "办结", "回访"),
        ("归档", "测试员", T0 + timedelta(days=9), "回访", "归档"),
    ]
    detail = service.detail(tmp_db, request_id)
    assert detail.row.assignee == "物业公司"
    assert detail.row.finished_at == T0 + timedelta(days=1)
    assert detail.handling == "更换温控器，修好"
    assert detail.row.follow_up == "满意"
    assert detail.archived_at == T0 + timedelta(days=9)
    assert detail.row.archived and detail.allowed_steps == ()
    events = detail.events
    assert events[1].assignee == "物业公司" and events[4].result == "满意" and events[3].note == "更换温控器，修好"


def test_solved_on_the_spot_goes_straight_to_finished(tmp_db):
    request_id = _create(tmp_db, category="政策咨询", content="问高龄津贴", solved_on_spot=True, handling="已当场解释")
    detail = service.detail(tmp_db, request_id)
    assert detail.row.status == "办结"
    assert detail.row.finished_at == T0
    assert detail.handling == "已当场解释"
    assert [e.step for e in detail.events] == ["受理", "即办即结"]
    assert detail.allowed_steps == ("回访",)


def test_an_assignee_at_the_counter_assigns_at_once(tmp_db):
    request_id = _create(tmp_db, assignee="维修志愿服务队")
    detail = service.detail(tmp_db, request_id)
    assert detail.row.status == "交办"
    assert [(e.step, e.assignee) for e in detail.events] == [("受理", ""), ("交办", "维修志愿服务队")]


@pytest.mark.parametrize("step", ["办结", "办理", "回访", "归档", "催办", "不满意重办", "退回改派"])
def test_illegal_steps_from_registered_are_refused(tmp_db, zh_cn, step):
    request_id = _create(tmp_db)
    with pytest.raises(UserError) as raised:
        service.advance(tmp_db, request_id, step, note="x", assignee="y", result="满意")
    assert not isinstance(raised.value, ValidationError)
    assert "受理" in raised.value.message and step in raised.value.message
    assert [e.step for e in service.detail(tmp_db, request_id).events] == ["受理"]


def test_unknown_step_is_refused(tmp_db):
    request_id = _create(tmp_db)
    with pytest.raises(UserError):
        service.advance(tmp_db, request_id, "表扬")


def test_steps_ask_for_what_they_need(tmp_db):
    request_id = _create(tmp_db)
    with pytest.raises(ValidationError) as raised:
        service.advance(tmp_db, request_id, "交办", at=T0 + timedelta(hours=1))
    assert set(raised.value.errors) == {"assignee"}
    service.advance(tmp_db, request_id, "交办", assignee="物业公司", at=T0 + timedelta(hours=1))
    with pytest.raises(ValidationError) as raised:
        service.advance(tmp_db, request_id, "办结", at=T0 + timedelta(hours=2))
    assert set(raised.value.errors) == {"note"}
    with pytest.raises(ValidationError) as raised:
        service.advance(tmp_db, request_id, "办理", note="开始", at=T0 - timedelta(hours=2))
    assert set(raised.value.errors) == {"at"}


def test_extension_needs_a_later_deadline_and_keeps_the_status(tmp_db):
    request_id = _create(tmp_db)
    current = service.detail(tmp_db, request_id).row.deadline
    assert current == date(2026, 11, 5)  # 维修: three days
    with pytest.raises(ValidationError) as raised:
        service.advance(tmp_db, request_id, "延期", deadline=current, note="等配件", at=T0 + timedelta(hours=1))
    assert set(raised.value.errors) == {"deadline"}
    with pytest.raises(ValidationError):
        service.advance(tmp_db, request_id, "延期", deadline=date(2026, 11, 10), at=T0 + timedelta(hours=1))  # no reason
    service.advance(tmp_db, request_id, "延期", deadline=date(2026, 11, 10), note="等配件", at=T0 + timedelta(hours=1))
    detail = service.detail(tmp_db, request_id)
    assert detail.row.status == "受理" and detail.row.deadline == date(2026, 11, 10)
    assert (detail.events[-1].step, detail.events[-1].deadline, detail.events[-1].from_status, detail.events[-1].to_status) == (
        "延期", date(2026, 11, 10), "受理", "受理")


def test_reassign_and_chase(tmp_db):
    request_id = _create(tmp_db, assignee="物业公司")
    with pytest.raises(ValidationError) as raised:
        service.advance(tmp_db, request_id, "退回改派", assignee="维修志愿服务队", at=T0 + timedelta(hours=1))
    assert set(raised.value.errors) == {"note"}
    service.advance(tmp_db, request_id, "退回改派", assignee="维修志愿服务队", note="物业退回：不属物业范围", at=T0 + timedelta(hours=1))
    service.advance(tmp_db, request_id, "催办", at=T0 + timedelta(days=2))
    detail = service.detail(tmp_db, request_id)
    assert detail.row.status == "交办" and detail.row.assignee == "维修志愿服务队"
    assert [e.step for e in detail.events] == ["受理", "交办", "退回改派", "催办"]


def test_unhappy_follow_up_reopens_and_finishing_again_counts(tmp_db):
    request_id = _create(tmp_db, assignee="物业公司")
    service.advance(tmp_db, request_id, "办结", note="已修", at=T0 + timedelta(days=1))
    service.advance(tmp_db, request_id, "回访", result="基本满意", at=T0 + timedelta(days=2))
    assert "不满意重办" not in service.detail(tmp_db, request_id).allowed_steps
    request_id2 = _create(tmp_db, assignee="物业公司")
    service.advance(tmp_db, request_id2, "办结", note="已修", at=T0 + timedelta(days=1))
    service.advance(tmp_db, request_id2, "回访", result="不满意", note="还是漏水", at=T0 + timedelta(days=2))
    assert service.detail(tmp_db, request_id2).allowed_steps == ("归档", "不满意重办")
    service.advance(tmp_db, request_id2, "不满意重办", note="重新上门", at=T0 + timedelta(days=2, hours=1))
    reopened = service.detail(tmp_db, request_id2)
    assert reopened.row.status == "办理" and reopened.row.finished_at is None
    assert reopened.row.follow_up == "不满意"  # until the next follow-up
    service.advance(tmp_db, request_id2, "办结", note="换了阀门", at=T0 + timedelta(days=3))
    service.advance(tmp_db, request_id2, "回访", result="满意", at=T0 + timedelta(days=4))
    done = service.detail(tmp_db, request_id2)
    assert done.row.finished_at == T0 + timedelta(days=3) and done.row.follow_up == "满意"
    assert [e.step for e in done.events] == ["受理", "交办", "办结", "回访", "不满意重办", "办结", "回访"]


def test_the_state_table():
    assert allowed_steps("受理") == ("即办即结", "交办", "延期")
    assert allowed_steps("交办") == ("办理", "办结", "催办", "延期", "退回改派")
    assert allowed_steps("办理") == ("办理", "办结", "催办", "延期", "退回改派")
    assert allowed_steps("办结") == ("回访",)
    assert allowed_steps("回访", "满意") == ("归档",)
    assert allowed_steps("回访", "不满意") == ("归档", "不满意重办")
    assert allowed_steps("归档") == ()
    assert allowed_steps("回访", "满意", archived=True) == ()
    for step in workflow.STEPS.values():
        assert step.target is None or step.target in workflow.STATUSES
    from app.requests import search

    assert search.OPEN == workflow.OPEN_STATUSES  # kept apart only to avoid an import cycle


def test_removed_requests_take_no_steps_and_are_audited(tmp_db):
    request_id = _create(tmp_db)
    service.remove(tmp_db, request_id)
    with pytest.raises(UserError):
        service.advance(tmp_db, request_id, "交办", assignee="物业")
    assert service.detail(tmp_db, request_id).allowed_steps == ()
    with tmp_db.reading() as session:
        actions = [a for (a,) in session.execute(select(AuditLog.action).where(AuditLog.table_name == "requests"))]
    assert actions[0] == "insert" and "remove" in actions
    service.restore(tmp_db, request_id)
    assert service.detail(tmp_db, request_id).allowed_steps == ("即办即结", "交办", "延期")
