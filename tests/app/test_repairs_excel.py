"""The repair ledger and the volunteers to Excel (read back), and old ledgers from Excel: synonyms,
row numbers and reasons in the report, counts that add up, one transaction, text that stays text."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.i18n import translate
from app.jobs import Cancelled, JobControl
from app.repairs import service, volunteers
from app.repairs.export import export_jobs, export_volunteers
from app.repairs.importer import import_jobs, write_report
from app.repairs.search import JobQuery
from db.models import AuditLog, RepairEvent, RepairJob, Volunteer
from tests.app.repairs_data import at, job, team


def _sheet(path):
    ws = load_workbook(path).active
    return [list(row) for row in ws.iter_rows(values_only=True)]


def _cells(path):
    ws = load_workbook(path).active
    return list(ws.iter_rows())


def test_the_ledger_export_reads_back_masked_and_text_stays_text(tmp_db, tmp_path, zh_cn):
    people = team(tmp_db)
    job(tmp_db, at(5), name="=HYPERLINK(\"x\")", phone="13912341031", item="电风扇", fault="+不转 @once",
        outcome="修好", volunteers=[(people["ma"], 1.5)], materials=[{"name": "启动电容", "quantity": 1, "unit": "个"}])
    job(tmp_db, at(6), item="燃气灶", category="燃气", outcome="转介", result_note="-转燃气公司")
    path = tmp_path / "维修.xlsx"
    assert export_jobs(tmp_db, path) == 2
    rows = _sheet(path)
    header = rows[1]
    first = dict(zip(header, rows[2]))
    assert rows[0][0] == "便民维修登记台账（全部日期），共 2 单"
    assert first["单号"] == "WX-20261005-01" and first["日期"] == datetime(2026, 10, 5)
    assert first["居民"] == "=HYPERLINK(\"x\")" and first["故障"] == "+不转 @once"
    assert first[translate("app", "Phone")] == "139****1031"
    assert first["志愿者"] == "马永福(1.5)" and first["工时"] == 1.5 and first["材料"] == "启动电容×1个"
    assert first["付费方式"] == "无偿" and first["结果"] == "修好" and first["状态"] == "完成"
    second = dict(zip(header, rows[3]))
    assert second["类别"] == "燃气" and second["结果"] == "转介" and second["处理情况"] == "-转燃气公司"
    cells = _cells(path)
    assert cells[2][header.index("居民")].data_type == "s"  # never a formula
    assert cells[3][header.index("处理情况")].data_type == "s"


def test_revealed_exports_are_audited(tmp_db, tmp_path):
    job(tmp_db, at(5), phone="13912341031")
    path = tmp_path / "full.xlsx"
    export_jobs(tmp_db, path, JobQuery(), reveal=True)
    rows = _sheet(path)
    assert rows[2][rows[1].index(translate("app", "Phone"))] == "13912341031"
    with tmp_db.reading() as session:
        record = session.scalar(select(AuditLog).where(AuditLog.action == "export", AuditLog.table_name == "repair_jobs"))
    assert json.loads(record.changes) == {"file": "full.xlsx", "rows": 1, "reveal": True} and record.actor == "测试员"


def test_volunteers_with_hours_read_back(tmp_db, tmp_path, zh_cn):
    people = team(tmp_db)
    job(tmp_db, at(5), volunteers=[(people["ma"], 1.5), (people["wang"], 0.5)], outcome="修好")
    job(tmp_db, at(5, month=9), volunteers=[(people["ma"], 4)], outcome="修好")
    path = tmp_path / "志愿者.xlsx"
    assert export_volunteers(tmp_db, path, date(2026, 10, 1), date(2026, 10, 31)) == 3
    rows = _sheet(path)
    header = rows[1]
    by_name = {r[header.index("姓名")]: dict(zip(header, r)) for r in rows[2:]}
    assert by_name["马永福"]["服务时长（小时）"] == 1.5 and by_name["马永福"]["维修次数"] == 1
    assert by_name["王建国"]["服务时长（小时）"] == 0.5 and by_name["王建国"][translate("app", "Phone")] == "139****1201"
    assert by_name["马永福"]["志愿者编号"] == "ZY-0002" and by_name["马永福"]["技能"] == "电工、家电"
    assert rows[0][0] == "志愿服务时长（2026-10-01 — 2026-10-31）：合计 2 小时"
    export_volunteers(tmp_db, tmp_path / "full.xlsx", reveal=True)
    assert "13895022302" in [r[header.index(translate("app", "Phone"))] for r in _sheet(tmp_path / "full.xlsx")[2:]]


HEADER = ["序号", "维修单号", "报修日期", "报修人", "联系电话", "住址", "维修物品", "故障描述", "维修人员", "服务时长", "更换材料",
          "材料费", "维修结果", "完成时间", "回访结果"]
ROWS = {  # Excel row: values, header on row 3
    4: [1, "WX-20250305-01", "2025.3.5", "张秀兰", 13912341031, "安居苑3-2-401", "电风扇", "不转", "马永福(1.5)、王建国", 2,
        "电容×1", "无偿", "已修好", "2025-03-05 16:00", "满意"],
    6: [2, None, "2025年3月6日", "=SUM(A1)", None, "贸易巷12号", "燃气灶", "打不着火", "王建国", 1, None, None, "修好", None, None],
    7: [3, None, "2025/03/07", "李大爷", "0951-5012345", "银啤苑", "水龙头", "滴水", "王建国", "1.5", "水龙头1个", "居民自付",
        "待修", None, None],
    8: [4, None, "下周一", "钱先生", None, None, "台灯", "不亮", None, None, None, None, None, None, None],
    9: [5, "WX-20250305-01", "2025.3.5", "张秀兰", None, None, "电风扇", "抄了两遍", None, None, None, None, None, None, None],
    10: [6, None, "2025-03-08", "赵阿姨", None, None, "窗户合页", "松动", "孙师傅", 1, None, None, "修好", None, None],
    11: [7, None, "2025-03-09", "周先生", None, None, "柜门", "脱落", "杨德明", "1小时", "铰链×2个", None, "修好", None, "一般"],
}


def _old_ledger(path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "2025年维修台账"
    ws.append(["福通社区便民维修登记台账（2025年）"])
    ws.append(["填报单位：福通社区"])
    ws.append(HEADER)
    for row in range(4, max(ROWS) + 1):
        ws.append(ROWS.get(row, []))
    for cells in ws.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text typed with a leading apostrophe, not a formula
    wb.save(path)


def test_an_old_ledger_is_imported_row_by_row_with_a_report(tmp_db, tmp_path, zh_cn):
    team(tmp_db)
    source = tmp_path / "旧台账.xlsx"
    _old_ledger(source)
    result = import_jobs(tmp_db, source)
    assert (result.header_row, result.data_rows) == (3, 7)
    assert (result.imported, result.rejected, result.duplicates, result.updated) == (3, 3, 1, 0)
    assert result.imported + result.rejected + result.duplicates + result.updated == result.data_rows
    by_row = {o.row: o for o in result.outcomes}
    assert {r for r, o in by_row.items() if o.outcome == "rejected"} == {6, 8, 10}
    assert by_row[9].outcome == "duplicate" and "第 4 行" in by_row[9].reason and by_row[9].number == "WX-20250305-01"
    assert "孙师傅" in by_row[10].reason
    report = tmp_path / "报告.xlsx"
    write_report(result, report)
    rows = _sheet(report)
    assert [r[0] for r in rows[2:]] == [4, 6, 7, 8, 9, 10, 11]
    assert rows[1][:3] == [translate("app", "Row"), translate("app", "Result"), translate("app", "Reason")]
    gas_row = next(r for r in rows[2:] if r[0] == 6)
    assert "=SUM(A1)" in gas_row and _cells(report)[3][rows[1].index("居民")].data_type == "s"
    fan = service.job_detail(tmp_db, service.query_job_ids(tmp_db, JobQuery(text="电风扇"))[0])
    assert (fan.row.number, fan.row.outcome, fan.row.status, fan.row.satisfaction) == ("WX-20250305-01", "修好", "回访", "满意")
    assert [(v.name, v.minutes) for v in fan.row.volunteers] == [("马永福", 90), ("王建国", 30)]
    assert service.reveal_job_phone(tmp_db, fan.row.id) == "13912341031"
    assert fan.row.finished_at == datetime(2025, 3, 5, 16, 0)
    assert any("导入" in e.note or "Imported" in e.note for e in fan.events)


def test_imported_rows_keep_their_text_and_gas_stays_referral_only(tmp_db, tmp_path, zh_cn):
    team(tmp_db)
    source = tmp_path / "旧台账.xlsx"
    _old_ledger(source)
    result = import_jobs(tmp_db, source)
    by_row = {o.row: o for o in result.outcomes}
    assert by_row[6].outcome == "rejected" and "燃气" in by_row[6].reason
    tap = service.job_detail(tmp_db, service.query_job_ids(tmp_db, JobQuery(text="水龙头"))[0]).row
    assert (tap.category, tap.outcome, tap.status, tap.paid_text, tap.minutes) == ("水", "需再约", "再约", "材料自付", 90)
    assert service.reveal_job_phone(tmp_db, tap.id) == "0951-5012345"
    door = service.job_detail(tmp_db, service.query_job_ids(tmp_db, JobQuery(text="柜门"))[0]).row
    assert (door.category, door.satisfaction, door.material_text) == ("门窗", "基本满意", "铰链×2个")


def test_unknown_volunteers_can_be_added_on_import(tmp_db, tmp_path):
    team(tmp_db)
    source = tmp_path / "旧台账.xlsx"
    _old_ledger(source)
    result = import_jobs(tmp_db, source, create_volunteers=True)
    assert result.created_volunteers == ["孙师傅"] and result.imported == 4
    assert "孙师傅" in [r.name for r in volunteers.list_volunteers(tmp_db)]


def test_a_second_import_finds_every_row_again_and_update_refreshes(tmp_db, tmp_path):
    team(tmp_db)
    source = tmp_path / "旧台账.xlsx"
    _old_ledger(source)
    import_jobs(tmp_db, source)
    again = import_jobs(tmp_db, source)
    assert (again.imported, again.duplicates, again.rejected) == (0, 4, 3)
    updated = import_jobs(tmp_db, source, on_duplicate="update")
    assert updated.updated == 4 and updated.imported + updated.updated + updated.rejected + updated.duplicates == 7


def test_a_cancelled_import_leaves_the_database_as_it_was(tmp_db, tmp_path):
    team(tmp_db)
    source = tmp_path / "旧台账.xlsx"
    _old_ledger(source)
    calls = []

    def progress(done, total, message):
        calls.append(done)
        control.cancel()  # the next report, at the latest the last one before committing, raises

    control = JobControl(progress)
    with pytest.raises(Cancelled):
        import_jobs(tmp_db, source, create_volunteers=True, job=control)
    with tmp_db.reading() as session:
        assert session.scalar(select(func.count(RepairJob.id))) == 0
        assert session.scalar(select(func.count(RepairEvent.id))) == 0
        assert session.scalar(select(func.count(Volunteer.id))) == 3
