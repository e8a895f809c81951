"""Repair jobs: registration, every step with its time and actor, gas referral only, the form's path,
links to requests, soft-removed volunteers, search and filters — on a temporary database file."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from app import links
from app.errors import UserError, ValidationError
from app.repairs import service, workflow
from app.repairs.rules import gas_message
from app.repairs.search import JobQuery
from app.requests import service as requests
from db.models import AuditLog, RepairEvent, RepairJob, RepairVolunteer
from tests.app.repairs_data import at, job, resident, team


def _steps(db, job_id):
    return [(e.step, e.at, e.actor, e.from_status, e.to_status) for e in service.job_detail(db, job_id).events]


def test_a_job_goes_through_every_step_each_with_its_time_and_actor(tmp_db):
    people = team(tmp_db)
    job_id = job(tmp_db, at(5, 9), volunteers=[(people["ma"], 1.5)])
    number = service.job_detail(tmp_db, job_id).row.number
    assert number == "WX-20261005-01"
    service.advance(tmp_db, job_id, "派单", at=at(5, 10), appointment="2026-10-06 09:30")
    service.advance(tmp_db, job_id, "上门", at=at(6, 9, 40))
    service.advance(tmp_db, job_id, "完成", outcome="修好", note="更换启动电容", at=at(6, 10, 30))
    service.advance(tmp_db, job_id, "回访", satisfaction="满意", at=at(8, 15))
    assert _steps(tmp_db, job_id) == [
        ("登记", at(5, 9), "测试员", "", "登记"),
        ("派单", at(5, 10), "测试员", "登记", "派单"),
        ("上门", at(6, 9, 40), "测试员", "派单", "上门"),
        ("完成", at(6, 10, 30), "测试员", "上门", "完成"),
        ("回访", at(8, 15), "测试员", "完成", "回访"),
    ]
    row = service.job_detail(tmp_db, job_id).row
    assert (row.status, row.outcome, row.finished_at, row.satisfaction, row.service_mode) == ("回访", "修好", at(6, 10, 30), "满意", "上门")
    assert row.appointment == at(6, 9, 30)
    assert service.job_detail(tmp_db, job_id).next_steps == ()


def test_numbers_count_per_day_and_are_never_reused(tmp_db):
    first, second = job(tmp_db, at(5)), job(tmp_db, at(5, 11))
    service.remove_job(tmp_db, second)
    third, other_day = job(tmp_db, at(5, 14)), job(tmp_db, at(6))
    numbers = [service.job_detail(tmp_db, i).row.number for i in (first, second, third, other_day)]
    assert numbers == ["WX-20261005-01", "WX-20261005-02", "WX-20261005-03", "WX-20261006-01"]


def test_illegal_and_incomplete_steps_are_refused(tmp_db):
    people = team(tmp_db)
    job_id = job(tmp_db, at(5))
    with pytest.raises(UserError, match="登记|完成"):
        service.advance(tmp_db, job_id, "完成", outcome="修好", at=at(5, 10))
    with pytest.raises(ValidationError) as raised:
        service.advance(tmp_db, job_id, "派单", at=at(5, 10))
    assert set(raised.value.errors) == {"volunteers"}
    with pytest.raises(ValidationError) as raised:
        service.advance(tmp_db, job_id, "到店", at=at(4, 10))
    assert set(raised.value.errors) == {"at"}
    service.update_job(tmp_db, job_id, {"name": "刘先生", "item": "电风扇", "category": "家电", "job_date": date(2026, 10, 5),
                                        "volunteers": [(people["ma"], 1)]}, now=at(5, 10))
    service.advance(tmp_db, job_id, "到店", at=at(5, 11))
    with pytest.raises(ValidationError) as raised:
        service.advance(tmp_db, job_id, "完成", outcome="需再约", at=at(5, 12))
    assert set(raised.value.errors) == {"outcome"}
    with pytest.raises(ValidationError) as raised:
        service.advance(tmp_db, job_id, "转介", at=at(5, 12))
    assert set(raised.value.errors) == {"note"}
    assert service.job_detail(tmp_db, job_id).row.status == "到店"


def test_another_visit_then_beyond_repair(tmp_db):
    people = team(tmp_db)
    job_id = job(tmp_db, at(5), volunteers=[(people["ma"], 1)])
    service.advance(tmp_db, job_id, "到店", at=at(5, 10))
    service.advance(tmp_db, job_id, "再约", note="等配件", appointment="2026-10-12 10:00", at=at(5, 11))
    row = service.job_detail(tmp_db, job_id).row
    assert (row.status, row.outcome, row.appointment, row.finished_at) == ("再约", "需再约", at(12, 10), None)
    assert service.job_detail(tmp_db, job_id).next_steps == ("派单", "上门", "到店", "转介")
    service.advance(tmp_db, job_id, "到店", at=at(12, 10))
    service.advance(tmp_db, job_id, "完成", outcome="无法修复", at=at(12, 11))
    row = service.job_detail(tmp_db, job_id).row
    assert (row.status, row.outcome, row.finished_at) == ("完成", "无法修复", at(12, 11))


def test_gas_is_referral_only(tmp_db, zh_cn):
    people = team(tmp_db)
    with pytest.raises(ValidationError) as raised:
        job(tmp_db, at(5), item="燃气灶", category="燃气", outcome="修好", volunteers=[(people["wang"], 1)])
    assert raised.value.errors == {"outcome": gas_message()}
    gas = job(tmp_db, at(5), item="燃气灶", category="燃气", volunteers=[(people["wang"], 0.5)])
    assert service.job_detail(tmp_db, gas).next_steps == ("派单", "到店", "转介")
    service.advance(tmp_db, gas, "到店", at=at(5, 10))
    assert service.job_detail(tmp_db, gas).next_steps == ("转介",)
    for step, extra in (("完成", {"outcome": "修好"}), ("再约", {})):
        with pytest.raises(ValidationError) as raised:
            service.advance(tmp_db, gas, step, at=at(5, 11), **extra)
        assert raised.value.errors == {"outcome": gas_message()}
    base = {"item": "燃气灶", "category": "燃气", "name": "刘先生", "job_date": date(2026, 10, 5), "volunteers": [(people["wang"], 0.5)]}
    for outcome in ("修好", "需再约", "无法修复"):
        with pytest.raises(ValidationError):
            service.update_job(tmp_db, gas, {**base, "outcome": outcome}, now=at(5, 12))
    service.update_job(tmp_db, gas, {**base, "outcome": "转介", "result_note": "已转介燃气公司"}, now=at(5, 12))
    row = service.job_detail(tmp_db, gas).row
    assert (row.status, row.outcome, row.result_note) == ("转介", "转介", "已转介燃气公司")
    fixed = job(tmp_db, at(6), outcome="修好", volunteers=[(people["ma"], 1)])
    with pytest.raises(ValidationError) as raised:
        service.update_job(tmp_db, fixed, {"item": "电风扇", "category": "燃气", "name": "刘先生", "job_date": date(2026, 10, 6),
                                           "volunteers": [(people["ma"], 1)]}, now=at(6, 12))
    assert raised.value.errors == {"category": gas_message()}


def test_the_form_takes_the_missing_steps_at_once(tmp_db):
    people = team(tmp_db)
    job_id = job(tmp_db, at(7, 9), outcome="修好", service_mode="上门", volunteers=[(people["ma"], 1)])
    assert [s[0] for s in _steps(tmp_db, job_id)] == ["登记", "派单", "上门", "完成"]
    assert {s[1] for s in _steps(tmp_db, job_id)} == {at(7, 9)}
    shop = job(tmp_db, at(7, 10), outcome="修好", volunteers=[(people["ma"], 1)], satisfaction="满意")
    assert [s[0] for s in _steps(tmp_db, shop)] == ["登记", "到店", "完成", "回访"]
    data = {"item": "电风扇", "category": "家电", "name": "刘先生", "job_date": date(2026, 10, 7), "volunteers": [(people["ma"], 1)]}
    service.update_job(tmp_db, job_id, {**data, "outcome": "无法修复"}, now=at(7, 12))
    assert service.job_detail(tmp_db, job_id).row.outcome == "无法修复"
    assert len(_steps(tmp_db, job_id)) == 4  # a correction, not a step; the audit log has it
    with pytest.raises(ValidationError) as raised:
        job(tmp_db, at(8), satisfaction="满意")
    assert set(raised.value.errors) == {"satisfaction"}
    with pytest.raises(ValidationError) as raised:
        job(tmp_db, at(8), outcome="修好")
    assert set(raised.value.errors) == {"volunteers"}


def test_validation_names_each_field_and_saves_nothing(tmp_db):
    with pytest.raises(ValidationError) as raised:
        service.create_job(tmp_db, {"item": " ", "category": "煤气", "phone": "12345", "job_date": "2026.13.40",
                                    "volunteers": [(1, 30)], "materials": [{"name": "电容", "quantity": "两个"}]}, now=at(5))
    assert set(raised.value.errors) == {"name", "item", "category", "phone", "job_date", "volunteers", "materials"}
    with tmp_db.reading() as session:
        assert session.scalar(select(RepairJob.id)) is None


def test_a_resident_gives_the_snapshot_and_the_phone_is_masked(tmp_db):
    zhang = resident(tmp_db)
    job_id = service.create_job(tmp_db, {"resident_id": zhang, "item": "热水壶", "category": "家电"}, now=at(5))
    row = service.job_detail(tmp_db, job_id).row
    assert (row.name, row.address, row.phone_masked) == ("张秀兰", "安居苑3号楼2单元401室", "139****1031")
    assert service.reveal_job_phone(tmp_db, job_id) == "13912341031"
    with tmp_db.reading() as session:
        reveal = session.scalar(select(AuditLog).where(AuditLog.action == "reveal", AuditLog.table_name == "repair_jobs"))
    assert (reveal.row_id, reveal.actor, json.loads(reveal.changes)) == (job_id, "测试员", {"field": "phone"})
    service.update_job(tmp_db, job_id, {"resident_id": zhang, "name": "张秀兰", "item": "热水壶", "category": "家电",
                                        "job_date": date(2026, 10, 5)}, now=at(5, 10))
    assert service.reveal_job_phone(tmp_db, job_id) == "13912341031"  # an empty phone field keeps the number


def test_a_job_from_a_request_is_linked_both_ways(tmp_db):
    request = requests.create(tmp_db, {"channel": "来电", "category": "维修", "content": "电饭锅不加热", "name": "马女士",
                                       "phone": "13800001111", "address": "阅海小区8号楼", "registered_at": at(4)}, now=at(4, 10))
    prefill = service.prefill_from_request(tmp_db, request.id)
    assert "phone" not in prefill and prefill["fault"] == "电饭锅不加热"
    job_id = service.create_job(tmp_db, {**prefill, "item": "电饭锅", "category": "家电"}, now=at(5))
    row = service.job_detail(tmp_db, job_id).row
    assert (row.name, row.address, service.reveal_job_phone(tmp_db, job_id)) == ("马女士", "阅海小区8号楼", "13800001111")
    from_job = links.linked(tmp_db, "repair", job_id)
    from_request = links.linked(tmp_db, "request", request.id)
    assert [(l.kind, l.id) for l in from_job] == [("request", request.id)]
    assert [(l.kind, l.id) for l in from_request] == [("repair", job_id)]
    assert from_request[0].label.startswith(row.number) and "电饭锅" in from_request[0].label
    assert [l.kind for l in service.job_detail(tmp_db, job_id).links] == ["request"]


def test_volunteers_and_materials_change_in_place_and_are_soft_removed(tmp_db):
    people = team(tmp_db)
    data = {"name": "刘先生", "item": "马桶水箱", "category": "水", "job_date": date(2026, 10, 5),
            "volunteers": [(people["wang"], 1), (people["ma"], 0.5)], "materials": [{"name": "进水阀", "quantity": 1}]}
    job_id = service.create_job(tmp_db, data, now=at(5))
    service.update_job(tmp_db, job_id, {**data, "volunteers": [(people["wang"], 2)],
                                        "materials": [{"name": "进水阀", "quantity": 1, "paid_by": "材料自付"}]}, now=at(5, 10))
    row = service.job_detail(tmp_db, job_id).row
    assert [(v.name, v.minutes) for v in row.volunteers] == [("王建国", 120)]
    assert row.material_text == "进水阀×1" and row.paid_text == "材料自付"
    with tmp_db.reading() as session:
        entries = {r.volunteer_id: r for r in session.scalars(select(RepairVolunteer))}
        actions = [a.action for a in session.scalars(select(AuditLog).where(AuditLog.table_name == "repair_volunteers"))]
    assert entries[people["ma"]].removed_at is not None and entries[people["ma"]].removed_by == "测试员"
    assert entries[people["wang"]].minutes == 120
    assert sorted(actions) == ["insert", "insert", "remove", "update"]
    service.update_job(tmp_db, job_id, {**data, "volunteers": [(people["wang"], 2), (people["ma"], 1)]}, now=at(5, 11))
    assert [(v.name, v.minutes) for v in service.job_detail(tmp_db, job_id).row.volunteers] == [("王建国", 120), ("马永福", 60)]


def test_removed_jobs_leave_the_list_and_come_back(tmp_db):
    job_id = job(tmp_db, at(5))
    service.remove_job(tmp_db, job_id)
    assert service.query_job_ids(tmp_db) == []
    assert service.query_job_ids(tmp_db, JobQuery(include_removed=True)) == [job_id]
    with pytest.raises(UserError):
        service.advance(tmp_db, job_id, "到店")
    service.restore_job(tmp_db, job_id)
    assert service.query_job_ids(tmp_db) == [job_id]


def test_search_and_filters(tmp_db):
    people = team(tmp_db)
    zhang = resident(tmp_db)
    fan = service.create_job(tmp_db, {"resident_id": zhang, "item": "电风扇", "category": "家电", "fault": "摇头不动",
                                      "volunteers": [(people["ma"], 1)], "outcome": "修好"}, now=at(5))
    tap = job(tmp_db, at(9), name="王阿姨", item="水龙头", category="水", fault="关不紧", volunteers=[(people["wang"], 1)])
    gas = job(tmp_db, at(12), item="燃气灶", category="燃气", outcome="转介", result_note="燃气公司")
    ids = lambda **q: service.query_job_ids(tmp_db, JobQuery(**q))  # noqa: E731
    assert ids() == [gas, tap, fan]
    assert ids(text="zxl") == [fan] and ids(text="3-2-401") == [fan] and ids(text="1031") == [fan]
    assert ids(text="水龙头 王") == [tap] and ids(text="WX-20261012") == [gas]
    assert ids(category="水") == [tap] and ids(outcome="转介") == [gas]
    assert ids(status=workflow.OPEN_STATUSES) == [tap]
    assert ids(volunteer_id=people["wang"]) == [tap]
    assert ids(date_from=date(2026, 10, 6), date_to=date(2026, 10, 10)) == [tap]
    assert ids(sort_key="item", descending=False) == [tap, gas, fan]
    with tmp_db.reading() as session:
        assert session.scalar(select(RepairEvent.id).where(RepairEvent.job_id == gas, RepairEvent.step == "转介"))
