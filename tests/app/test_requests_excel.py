"""Requests to and from Excel: a messy 12345 work-order list, the report, export, round trip, CLI."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.database import Database
from app.jobs import Cancelled, JobControl
from app.requests import service
from app.requests.export import export_requests
from app.requests.importer import import_requests, write_report
from app.requests.search import RequestQuery
from db.models import AuditLog, Request, RequestEvent
from tests.conftest import ROOT, child_env

HEADER = ["序号", "工单编号", "来电时间", "来电人", "来电号码", "事发地址", "诉求类别", "反映内容", "承办单位", "办理时限",
          "办理状态", "办结时间", "回访结果"]
# (Excel row, values) below the header on row 4; row 5 is a blank spacer.
ROWS = {
    6: [1, 20261103000101, "2026-11-03 09:12", "李女士", 13912341031, "安居苑3-2-401", "物业管理", "楼道灯不亮，晚上看不见",
        "物业公司", "2026-11-06", "已办结", "2026/11/05 16:30", "满意"],
    7: [2, "20261104000202", datetime(2026, 11, 4, 10, 5), None, "0951-5012345", "贸易巷", "环境卫生", "=SUM(A1)污水外溢",
        "环卫所", None, "办理中", None, None],
    8: [3, "20261104000303", "2026年11月4日 14时20分", "王先生", "138****2222", None, "市容秩序", "占道经营", None, None, None, None, None],
    9: [4, "20261105000404", "2026.11.5", "赵女士", "无", None, "维修", None, None, None, None, None, None],  # no content
    10: [5, "20261105000505", "下周一", "钱先生", None, None, "维修", "水管漏水", None, None, None, None, None],  # bad time
    11: [6, "20261104000202", "2026-11-04 11:00", "孙女士", None, None, "环境卫生", "同一工单又抄了一遍", None, None, None, None, None],
    12: [7, "20261101009999", "2026-11-01 08:00", "周先生", None, None, "维修", "已在台账的工单", None, None, None, None, None],
    13: [8, "20261106000606", "2026-11-06 09:00", "吴先生", None, None, "维修", "热水壶坏了", "维修志愿服务队", None, "已办结", None, None],
    14: [9, 20261106000707, 46332.5, "郑先生", "13800001111", None, "维修", "电饭锅不加热", None, "3个工作日", None,
         "2026-11-07 10:00", "非常满意"],
}


def _messy_workbook(path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "12345工单"
    ws.append(["金凤区12345热线转办工单明细"])
    ws.merge_cells("A1:M1")
    ws.append(["填报单位：福通社区", None, None, None, None, None, None, None, None, None, "导出日期：2026-11-27"])
    ws.append([])
    ws.append(HEADER)
    ws.append([])
    for row in sorted(ROWS):
        ws.append(ROWS[row])
    ws["H7"].data_type = "s"  # typed text that starts with "=", not a formula
    wb.save(path)


@pytest.fixture
def existing(tmp_db):
    """A work order already in the ledger (row 12 repeats it)."""
    data = {"channel": "12345转办", "category": "维修", "content": "已在台账", "external_number": "20261101009999",
            "registered_at": datetime(2026, 11, 1, 8, 0)}
    return service.create(tmp_db, data, now=datetime(2026, 11, 1, 9)).id


def _count(db, model=Request) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_a_messy_12345_workbook(tmp_db, tmp_path, existing):
    source = tmp_path / "12345工单.xlsx"
    _messy_workbook(source)
    result = import_requests(tmp_db, source)
    assert (result.sheet, result.header_row) == ("12345工单", 4)
    assert result.data_rows == 9
    assert (result.imported, result.rejected, result.duplicates, result.updated) == (4, 3, 2, 0)
    assert result.imported + result.rejected + result.duplicates == result.data_rows
    outcome = {o.row: (o.outcome, o.reason) for o in result.outcomes}
    assert {row for row, (kind, _) in outcome.items() if kind == "imported"} == {6, 7, 8, 14}
    assert outcome[9][0] == "rejected" and ("内容" in outcome[9][1] or "Content" in outcome[9][1])
    assert outcome[10][0] == "rejected" and "下周一" in outcome[10][1]
    assert outcome[13][0] == "rejected"  # 已办结 without 办结时间
    assert outcome[11][0] == "duplicate" and "20261104000202" in outcome[11][1]
    assert outcome[12][0] == "duplicate" and "20261101009999" in outcome[12][1]
    assert "138****2222" in outcome[8][1]  # the masked phone was left out, with a warning
    assert "市容秩序" in outcome[8][1]  # unknown category: recorded as 其他, with a warning
    assert "3个工作日" in outcome[14][1]

    ids = service.query_ids(tmp_db, RequestQuery(sort_key="registered_at", descending=False))
    rows = {r.external_number: r for r in service.load_rows(tmp_db, ids)}
    first = rows["20261103000101"]  # a number cell: every digit kept, as text
    assert (first.channel, first.name, first.phone_masked, first.category) == ("12345转办", "李女士", "139****1031", "物业")
    assert first.registered_at == datetime(2026, 11, 3, 9, 12)
    assert (first.status, first.finished_at, first.follow_up, first.deadline) == ("回访", datetime(2026, 11, 5, 16, 30), "满意", date(2026, 11, 6))
    second = rows["20261104000202"]
    assert second.content == "=SUM(A1)污水外溢" and second.name == "" and second.status == "办理"
    assert second.phone_masked == "0951-****345"
    third = rows["20261104000303"]
    assert (third.registered_at, third.category, third.phone_masked) == (datetime(2026, 11, 4, 14, 20), "其他", "")
    last = rows["20261106000707"]
    assert last.registered_at == datetime(2026, 11, 6, 12, 0)  # Excel serial with a half day
    assert last.deadline == date(2026, 11, 9)  # 维修: the category default
    assert (last.status, last.follow_up, last.finished_at) == ("回访", "满意", datetime(2026, 11, 7, 10))
    detail = service.detail(tmp_db, first.id)
    assert [e.step for e in detail.events] == ["受理", "交办", "办结", "回访"]
    assert "12345工单.xlsx" in detail.events[0].note and "6" in detail.events[0].note
    with tmp_db.reading() as session:
        audit = session.scalar(select(AuditLog).where(AuditLog.action == "import"))
    assert '"imported": 4' in audit.changes


def test_the_report_lists_every_row_with_its_excel_row_number(tmp_db, tmp_path, existing):
    source, report = tmp_path / "工单.xlsx", tmp_path / "报告.xlsx"
    _messy_workbook(source)
    write_report(import_requests(tmp_db, source), report)
    ws = load_workbook(report).active
    assert "9" in ws["A1"].value  # the summary line
    header = [c.value for c in ws[2]]
    assert header[:3] == ["Row", "Result", "Reason"] or header[:3] == ["行号", "结果", "原因"]
    lines = {row[0]: row for row in ws.iter_rows(min_row=3, values_only=True)}
    assert sorted(lines) == [6, 7, 8, 9, 10, 11, 12, 13, 14]
    assert lines[10][2] and "下周一" in lines[10][2]
    assert lines[6][3].startswith("FW-20261103-")  # the 编号 it was given
    assert lines[7][4] == "20261104000202"
    content_cell = ws.cell(row=[r for r in range(3, 12) if ws.cell(r, 1).value == 7][0], column=8)
    assert content_cell.value == "=SUM(A1)污水外溢" and content_cell.data_type == "s"


def test_missing_content_column_is_refused(tmp_db, tmp_path):
    path = tmp_path / "x.xlsx"
    wb = Workbook()
    wb.active.append(["工单编号", "来电人"])
    wb.active.append(["1", "张三"])
    wb.save(path)
    from app.errors import UserError

    with pytest.raises(UserError):
        import_requests(tmp_db, path)


def test_cancel_leaves_the_database_unchanged(tmp_db, tmp_path, existing):
    source = tmp_path / "工单.xlsx"
    _messy_workbook(source)
    before = (_count(tmp_db), _count(tmp_db, RequestEvent), _count(tmp_db, AuditLog))
    calls = []

    def progress(done, total, message):
        calls.append(done)
        if done >= 5:
            job.cancel()

    job = JobControl(progress)
    # 20 rows so that progress reaches row 5 mid-import
    wb = load_workbook(source)
    ws = wb.active
    for n in range(30):
        ws.append([None, f"2026110800{n:04d}", "2026-11-08 09:00", "某人", None, None, "维修", f"诉求{n}"])
    wb.save(source)
    with pytest.raises(Cancelled):
        import_requests(tmp_db, source, job=job)
    assert calls
    assert (_count(tmp_db), _count(tmp_db, RequestEvent), _count(tmp_db, AuditLog)) == before


@pytest.fixture
def filled(tmp_db):
    from app.residents import service as residents

    zhang = residents.create(tmp_db, {"name": "张秀兰", "phones": "13912341031", "address": "安居苑3-2-401"})
    t0 = datetime(2026, 11, 2, 9, 30)
    make = lambda **data: service.create(tmp_db, {"registered_at": t0, "channel": "来访", "category": "维修", **data},
                                         now=datetime(2026, 11, 27, 12)).id
    a = make(resident_id=zhang, content="楼道灯不亮", assignee="物业公司")
    b = make(content="=HYPERLINK(\"http://x\")", name="+刘先生", phone="0951-5012345", channel="12345转办",
             external_number="20261102000001", category="环境卫生")
    c = make(content="咨询高龄津贴", category="政策咨询", solved_on_spot=True, handling="已答复")
    service.advance(tmp_db, c, "回访", result="基本满意", at=t0 + timedelta(days=1))
    d = make(content="热水壶坏了", assignee="维修志愿服务队")
    service.advance(tmp_db, d, "办结", note="修好了", at=t0 + timedelta(days=1))
    service.advance(tmp_db, d, "回访", result="不满意", at=t0 + timedelta(days=2))
    service.advance(tmp_db, d, "不满意重办", note="再修", at=t0 + timedelta(days=2, hours=1))
    return tmp_db


def _sheet(path):
    ws = load_workbook(path).active
    return ws, [list(row) for row in ws.iter_rows(min_row=2, values_only=True)]


def test_export_masks_phones_and_keeps_text_as_text(filled, tmp_path):
    out = tmp_path / "导出.xlsx"
    assert export_requests(filled, out, today=date(2026, 11, 27)) == 4
    ws, rows = _sheet(out)
    header = rows[0]
    assert header[:3] == ["编号", "12345工单号", "登记时间"] and "超期" in header
    data = {row[header.index("内容")]: dict(zip(header, row)) for row in rows[1:]}
    light = data["楼道灯不亮"]
    assert light["编号"] == "FW-20261102-001" and light["诉求人"] == "张秀兰"
    assert light["联系电话"] == "139****1031" and light["地址"] == "安居苑3号楼2单元401室"
    assert light["登记时间"] == datetime(2026, 11, 2, 9, 30) and light["时限"] == datetime(2026, 11, 5)
    assert light["状态"] == "交办" and light["超期"] and "22" in light["超期"]
    hotline = data["=HYPERLINK(\"http://x\")"]
    assert hotline["联系电话"] == "0951-****345" and hotline["12345工单号"] == "20261102000001"
    assert hotline["诉求人"] == "+刘先生"
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                assert cell.data_type == "s", cell.coordinate
    assert data["咨询高龄津贴"]["回访"] == "基本满意" and data["咨询高龄津贴"]["超期"] is None
    with filled.reading() as session:
        audit = session.scalar(select(AuditLog).where(AuditLog.action == "export"))
    assert '"reveal": false' in audit.changes


def test_export_with_reveal_and_search(filled, tmp_path):
    out = tmp_path / "full.xlsx"
    assert export_requests(filled, out, RequestQuery(text="楼道灯"), reveal=True) == 1
    _ws, rows = _sheet(out)
    assert rows[1][rows[0].index("联系电话")] == "13912341031"
    with filled.reading() as session:
        assert '"reveal": true' in session.scalar(select(AuditLog.changes).where(AuditLog.action == "export"))


def test_round_trip_through_another_database(filled, tmp_path):
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    export_requests(filled, first, reveal=True, today=date(2026, 11, 27))
    (tmp_path / "other").mkdir()
    other = Database.open(tmp_path / "other" / "wufu.db", actor="测试员")
    try:
        result = import_requests(other, first)
        assert (result.imported, result.rejected, result.duplicates) == (4, 0, 0), result.outcomes
        export_requests(other, second, reveal=True, today=date(2026, 11, 27))
        again = import_requests(other, first)
        assert (again.imported, again.duplicates) == (0, 4)  # 编号 kept: the same requests
    finally:
        other.close()
    assert _sheet(first)[1] == _sheet(second)[1]


def test_update_on_duplicate(filled, tmp_path):
    out = tmp_path / "x.xlsx"
    export_requests(filled, out, reveal=True)
    wb = load_workbook(out)
    ws = wb.active
    header = [c.value for c in ws[2]]
    ws.cell(row=3, column=header.index("交办单位/责任人") + 1, value="社区网格员")
    wb.save(out)
    result = import_requests(filled, out, on_duplicate="update")
    assert (result.updated, result.imported) == (4, 0)
    number = ws.cell(row=3, column=1).value
    ids = service.query_ids(filled, RequestQuery(text=number))
    assert service.load_rows(filled, ids)[0].assignee == "社区网格员"


def _cli(tmp_path, *args):
    return subprocess.run([sys.executable, "-m", "app", "--lang", "en", *args], capture_output=True, text=True,
                          cwd=ROOT, env=child_env(tmp_path), timeout=120)


def test_the_command_line(tmp_path):
    db, source, report, out = tmp_path / "cli.db", tmp_path / "工单.xlsx", tmp_path / "report.xlsx", tmp_path / "out.xlsx"
    _messy_workbook(source)
    done = _cli(tmp_path, "--db", str(db), "import", "requests", str(source), "--report", str(report))
    assert done.returncode == 0, done.stderr
    assert "9 data rows: 5 imported, 0 updated, 3 rejected, 1 duplicates." in done.stdout
    assert report.exists() and load_workbook(report).active.max_row == 11
    done = _cli(tmp_path, "--db", str(db), "export", "requests", str(out))
    assert done.returncode == 0, done.stderr
    assert "5 request(s) written" in done.stdout
    assert load_workbook(out).active.max_row == 7
    done = _cli(tmp_path, "--db", str(db), "request-stats", "--month", "2026-11")
    assert done.returncode == 0, done.stderr
    assert "Requests registered in 2026-11: 5" in done.stdout
    done = _cli(tmp_path, "--db", str(db), "check")
    assert done.returncode == 0, done.stdout + done.stderr
