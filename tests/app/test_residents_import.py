"""Importing roster workbooks: messy real-world files, the sample roster, duplicates, the report,
one transaction (cancel, failure), refused files, update mode and the command line."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
import sqlalchemy.exc
from sqlalchemy import select

from app import i18n
from app.errors import UserError
from app.excel import guard
from app.excel import parts as excel_parts
from app.jobs import Cancelled, JobControl
from app.residents import importer, importer_source, service
from app.residents.idcard import id_check_char
from app.residents.importer import FIELDS, plan_import, run_import
from db.models import AuditLog, Household, Resident, ResidentTag, Tag
from tests.conftest import child_env

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"  # shared/ sits beside the checkout
SAMPLE = DATA / "sample_roster.xlsx"
EXPECTED = DATA / "sample_roster.expected.json"


@pytest.fixture(autouse=True)
def english():
    """Assert on the English source strings, whatever the zh_CN catalog holds."""
    i18n.set_language("en")


def make_id(region: str, birth: str, sequence: str) -> str:
    body = region + birth + sequence
    return body + id_check_char(body)


ZHANG = make_id("640106", "19500305", "123")  # 男
LI = make_id("640106", "19620411", "224")  # 女
WANG = make_id("640104", "19881012", "135")  # 男
JI = make_id("640106", "19711121", "346")  # 女, 𠮷 in the name
ZHAO = make_id("640106", "20050101", "017")  # 男
SUN = make_id("640106", "19450708", "028")  # 女
FULL_WIDTH = "".join(chr(ord(c) + 0xFEE0) for c in ZHAO)  # ６４０１０６…
LOWER_X = make_id("110105", "19491231", "002").lower()  # 11010519491231002x


def workbook(path: Path, rows: list[list], merges=(), title="花名册") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    return path


HEADER = ["序号", "姓名", "性别", "公民身份号码", "出生年月", "手机号码", "小区", "现住址", "户号", "与户主关系",
          "人员类别", "备注"]


def messy_roster(tmp_path: Path, name: str = "messy.xlsx") -> Path:
    """Everything DOMAIN.md says real rosters hold (row numbers in the comments)."""
    rows = [
        ["福通社区居民花名册"],                                                                     # 1 merged title
        ["填报单位：福通社区居委会", None, None, "填报日期：2026年11月"],                              # 2
        HEADER,                                                                                     # 3
        [1, "张秀兰", "男", ZHANG, "1950.3.5", "13912341031", "安居苑", "3号楼2单元401室", "H001", "户主", "独居老人", None],  # 4
        [2, "李桂英", "女", LI, "1962/04/11", "139 1234 1032", "安居苑", "3-2-402", "H002", "户主", "低保户、残疾人（肢体 二级）", None],  # 5
        [None] * 12,                                                                                # 6 spacer
        [3, "王磊", "男", WANG, "1988年10月12日", "0951-5012345、13912341033", "银啤苑", "5号楼301室", "H003", "户主", None, None],  # 7
        [4, "𠮷秀英", "女", JI, 26258, "13912341034", "阅海", "A座1单元302室", "H004", "户主", None, None],  # 8 serial
        [5, "赵浩然", "男", FULL_WIDTH, datetime(2005, 1, 1), "13912341035", "阅海", "2栋1单元101", "H005", "子", None, None],  # 9
        [6, "孙凤英", "女", SUN, "1945.7", "13912341036", "阅海", "2栋1单元101", "H005", "母亲", "空巢老人、长寿星", None],  # 10
        [7, "徐丽华", "女", 6.40121198110216e17, "1981/10/21", "18894946073", "阅海", "3-1-101", "H006", "户主", None, None],  # 11
        [8, "张秀兰", "男", ZHANG, "1950.3.5", "13912341031", "安居苑", "3号楼2单元401室", "H001", "户主", None, "重复录入"],  # 12
        [],                                                                                         # 13 spacer
        [9, "周建华", "女", LOWER_X, "1949.12.30", "13912341037", "湖畔嘉苑", "1-1-101", "H007", "户主", None, None],  # 14
        [10, "钱多多", "女", make_id("640106", "19900101", "124"), "1990.1.1", "1391234", "湖畔嘉苑", "1-1-102", "H008", "户主", None, None],  # 15
        [11, "", "男", make_id("640106", "19900101", "135"), None, None, None, None, None, None, None, "无名"],  # 16
        [12, "吴某", "男", "640106********1234", None, None, None, None, None, None, None, None],  # 17 masked
    ]
    return workbook(tmp_path / name, rows, merges=["A1:L1", "A2:C2"])


def report_rows(path: Path) -> dict[int, dict]:
    """The report read back, both sheets (rows to check, duplicates): {Excel row: {header: value}}."""
    book = CalamineWorkbook.from_path(str(path))
    rows = {}
    for name in book.sheet_names:
        data = book.get_sheet_by_name(name).to_python()
        header = data[1]
        rows.update((int(row[0]), dict(zip(header, row))) for row in data[2:])
    return rows


def db_dump(path: Path) -> dict[str, list]:
    connection = sqlite3.connect(path)
    try:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {table: connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall() for table in tables}
    finally:
        connection.close()


def residents(db) -> dict[str, Resident]:
    with db.reading() as session:
        return {r.id_number: r for r in session.scalars(select(Resident))}


def check_counts(summary) -> None:
    assert summary.imported + summary.rejected + summary.duplicates == summary.data_rows


# --- the messy roster ---------------------------------------------------------------------------


def test_plan_finds_header_mapping_and_unmapped(tmp_db, tmp_path):
    preview = plan_import(tmp_db, messy_roster(tmp_path))
    assert preview.header_row == 3 and preview.ready and preview.total_rows == 14
    assert {k: preview.headers[c] for k, c in preview.mapping.items()} == {
        "name": "姓名", "sex": "性别", "id_number": "公民身份号码", "birth_date": "出生年月", "phones": "手机号码",
        "compound": "小区", "address": "现住址", "household_number": "户号", "relation_to_head": "与户主关系",
        "tags": "人员类别", "notes": "备注"}
    assert preview.unmapped_headers == ["序号"]
    assert [f.key for f in preview.fields] == [f.key for f in FIELDS]


def test_messy_roster(tmp_db, tmp_path):
    report = tmp_path / "report.xlsx"
    summary = run_import(tmp_db, messy_roster(tmp_path), report_path=report)
    check_counts(summary)
    assert (summary.data_rows, summary.imported, summary.rejected, summary.duplicates) == (12, 7, 4, 1)
    assert summary.report_path == report and summary.warnings == 2
    people = residents(tmp_db)
    assert set(people) == {ZHANG, LI, WANG, JI, ZHAO, SUN, LOWER_X.upper()}
    assert people[JI].name == "𠮷秀英" and people[JI].birth_date == date(1971, 11, 21)  # from serial 26258
    assert people[ZHANG].birth_date == date(1950, 3, 5) and people[ZHANG].phones == "13912341031"
    assert people[LI].phones == "13912341032" and people[WANG].phones == "0951-5012345、13912341033"
    assert people[ZHAO].birth_date == date(2005, 1, 1) and people[ZHAO].sex == "男"
    assert people[SUN].birth_date == date(1945, 7, 8)  # 出生年月 1945.7: the day comes from the ID
    assert people[LOWER_X.upper()].birth_date == date(1949, 12, 30)  # typed, differs from the ID: warned
    assert "王磊" in people[WANG].search_text and people[ZHANG].name_initials == "zxl"
    with tmp_db.reading() as session:
        tags = {(r.resident_id, t) for r, t in session.execute(
            select(ResidentTag, Tag.name).join(Tag, Tag.id == ResidentTag.tag_id))}
        details = dict(session.execute(select(ResidentTag.resident_id, ResidentTag.detail).where(ResidentTag.detail.is_not(None))).all())
        households = dict(session.execute(select(Household.number, Household.head_id)).all())
    assert {t for _, t in tags} == {"独居老人", "低保户", "残疾人", "空巢老人"}
    assert details == {people[LI].id: "肢体 二级"}
    assert households["H005"] is None  # 子 and 母亲: nobody in it is the head
    assert households["H001"] == people[ZHANG].id


def test_messy_roster_report(tmp_db, tmp_path):
    report = tmp_path / "report.xlsx"
    run_import(tmp_db, messy_roster(tmp_path), report_path=report)
    lines = report_rows(report)
    assert set(lines) == {10, 11, 12, 14, 15, 16, 17}
    assert lines[11]["Result"] == "Not imported" and "stored by Excel as a number" in lines[11]["Reason"]
    assert lines[11]["姓名"] == "徐丽华" and lines[11]["公民身份号码"] == "640121198110216000"
    assert lines[12]["Result"] == "Duplicate, not imported" and lines[12]["Reason"] == "Same ID number as row 4 of this file"
    # Duplicates are listed on a sheet of their own, by name and ID number (as checked) only.
    assert lines[12]["姓名"] == "张秀兰" and lines[12]["公民身份号码"] == ZHANG and "备注" not in lines[12]
    assert CalamineWorkbook.from_path(str(report)).sheet_names == ["Import report", "Duplicate rows"]
    assert lines[14]["Result"] == "Imported, please check"
    assert lines[14]["Reason"] == "Birth date 1949-12-30 differs from the one in the ID number (1949-12-31)"
    assert lines[10]["Result"] == "Imported, please check" and "长寿星" in lines[10]["Reason"]
    assert lines[15]["Reason"] == "Mobile number 1391234 has 7 digits; it should have 11"
    assert lines[16]["Reason"] == "Name is required"
    assert "masked" in lines[17]["Reason"]
    assert lines[14]["出生年月"] == "1949.12.30"  # the cell as it was typed


def test_importing_the_same_roster_again_lists_every_row_as_a_duplicate_without_reading_it_again(
        tmp_db, tmp_path, monkeypatch):
    from app.excel.reader import TableReader

    path = big_roster(tmp_path)
    run_import(tmp_db, path)
    report = tmp_path / "again.xlsx"
    monkeypatch.setattr(TableReader, "iter_records", lambda *args: pytest.fail("the file read again for the report"))
    again = run_import(tmp_db, path, report_path=report)
    assert again.imported == 0 and again.duplicates == again.data_rows == 2500
    book = CalamineWorkbook.from_path(str(report))
    assert len(book.get_sheet_by_name("Import report").to_python()) == 2  # the title and the headers: nothing to check
    lines = report_rows(report)
    assert len(lines) == 2500 and lines[2]["Result"] == "Duplicate, not imported"
    assert lines[2]["姓名"] == "居民0" and lines[2]["身份证号"] == make_id("640106", "19500110", "000")


def test_report_imports_back_once_corrected(tmp_db, tmp_path):
    report = tmp_path / "report.xlsx"
    run_import(tmp_db, messy_roster(tmp_path), report_path=report)
    wb = openpyxl.load_workbook(report)
    ws = wb.active
    for row in ws.iter_rows(min_row=3):
        if row[0].value == 15:
            row[[c.value for c in ws[2]].index("手机号码")].value = "13912341038"
    wb.save(report)
    again = run_import(tmp_db, report, report_path=tmp_path / "report2.xlsx")
    check_counts(again)
    assert again.imported == 1  # 钱多多 with her phone fixed; the rest are duplicates or still refused
    assert residents(tmp_db)[make_id("640106", "19900101", "124")].phones == "13912341038"


def test_second_import_changes_nothing(tmp_db, tmp_path, db_path):
    path = messy_roster(tmp_path)
    run_import(tmp_db, path)
    before = db_dump(db_path)
    summary = run_import(tmp_db, path, report_path=tmp_path / "again.xlsx")
    check_counts(summary)
    assert (summary.imported, summary.duplicates, summary.updated) == (0, 8, 0)
    assert db_dump(db_path) == before
    lines = report_rows(tmp_path / "again.xlsx")
    assert lines[4]["Reason"] == "ID number already registered: 张秀兰"


def test_update_mode_changes_only_what_differs(tmp_db, tmp_path, db_path):
    run_import(tmp_db, messy_roster(tmp_path))
    rows = [HEADER, [1, "张秀兰", "男", ZHANG, None, "13800001111", None, None, None, None, None, None],
            [2, "李桂英", "女", LI, "1962/04/11", "13912341032", None, None, None, None, None, None]]
    path = workbook(tmp_path / "changes.xlsx", rows)
    summary = run_import(tmp_db, path, on_duplicate="update", report_path=tmp_path / "r.xlsx")
    check_counts(summary)
    assert (summary.imported, summary.updated, summary.duplicates) == (0, 1, 2)
    people = residents(tmp_db)
    assert people[ZHANG].phones == "13800001111" and people[ZHANG].phone_digits == "13800001111"
    assert people[ZHANG].room_id is not None and people[ZHANG].birth_date == date(1950, 3, 5)  # blanks keep values
    lines = report_rows(tmp_path / "r.xlsx")
    assert lines[2]["Result"] == "Duplicate, existing resident updated" and lines[2]["Reason"] == "Updated Phone"
    assert lines[3]["Result"] == "Duplicate, not imported"
    with tmp_db.reading() as session:
        changes = [json.loads(a.changes) for a in session.scalars(select(AuditLog).where(AuditLog.action == "update"))]
    merged = {key: value for change in changes for key, value in change.items()}
    assert merged["phones"] == ["13912341031", "13800001111"]
    before = db_dump(db_path)
    assert run_import(tmp_db, path, on_duplicate="update").updated == 0
    assert db_dump(db_path) == before


def test_a_duplicate_with_something_to_check_keeps_its_cells_on_the_first_sheet(tmp_db, tmp_path):
    """Only plain duplicates go to the duplicates sheet: an update made with a warning, or refused,
    and a duplicate row that had a warning are listed with their cells, to check or correct."""
    run_import(tmp_db, messy_roster(tmp_path))
    rows = [HEADER, [1, "张秀兰", "男", ZHANG, None, "5012345", None, None, None, None, None, "电话改了"],
            [2, "李桂英", "女", LI, "1962/04/11", "13912341032", None, None, None, None, None, None]]
    path = workbook(tmp_path / "changes.xlsx", rows)
    report = tmp_path / "r.xlsx"
    summary = run_import(tmp_db, path, on_duplicate="update", report_path=report)
    assert summary.updated == 1
    book = CalamineWorkbook.from_path(str(report))
    first = book.get_sheet_by_name("Import report").to_python()
    assert [row[0] for row in first[2:]] == [2.0]
    line = dict(zip(first[1], first[2]))
    assert line["Result"] == "Duplicate, existing resident updated" and "no area code" in line["Reason"]
    assert line["手机号码"] == "5012345" and line["备注"] == "电话改了"
    duplicates = book.get_sheet_by_name("Duplicate rows").to_python()
    assert [row[0] for row in duplicates[2:]] == [3.0]  # 李桂英: nothing new, nothing to check


# --- the sample roster --------------------------------------------------------------------------


@pytest.mark.parametrize("in_parts", [False, True], ids=["whole", "in-parts"])
def test_sample_roster_verdicts(tmp_db, tmp_path, monkeypatch, in_parts):
    if in_parts:  # as a big roster is read: its sheet cut into parts parsed one after another
        monkeypatch.setattr(excel_parts, "PARTS_FROM", 0)
        monkeypatch.setattr(excel_parts, "PART_BYTES", 1500)
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert plan_import(tmp_db, SAMPLE).header_row == expected["header_row"]
    report = tmp_path / "sample-report.xlsx"
    summary = run_import(tmp_db, SAMPLE, report_path=report)
    check_counts(summary)
    lines, people = report_rows(report), residents(tmp_db)
    assert summary.data_rows == len(expected["rows"])
    for row in expected["rows"]:
        verdict, number = row["verdict"], row["excel_row"]
        if verdict.startswith("valid"):
            assert people[row["id"]].name == row["name"], row
            assert lines.get(number, {}).get("Result") in (None, "Imported, please check"), row
        elif verdict.startswith("duplicate of row"):
            assert lines[number]["Result"] == "Duplicate, not imported"
            assert lines[number]["Reason"] == f"Same ID number as row {verdict.split()[-1]} of this file"
        else:
            assert lines[number]["Result"] == "Not imported" and lines[number]["姓名"] == row["name"], row
            phrase = "check character" if verdict == "bad check character" else "stored by Excel as a number"
            assert phrase in lines[number]["Reason"], row
    valid = sum(1 for r in expected["rows"] if r["verdict"].startswith("valid"))
    assert (summary.imported, summary.rejected, summary.duplicates) == (valid, 10, 1)


# --- one transaction ------------------------------------------------------------------------------


def big_roster(tmp_path: Path, count: int = 2500) -> Path:
    rows = [["姓名", "身份证号", "住址"]]
    for i in range(count):
        rows.append([f"居民{i}", make_id("640106", f"19{50 + i % 40}0{1 + i % 9}1{i % 9}", f"{i % 1000:03d}"),
                     f"{1 + i % 20}-{1 + i % 3}-{101 + i % 6}"])
    return workbook(tmp_path / "big.xlsx", rows)


@pytest.mark.parametrize("in_parts", [False, True], ids=["whole", "in-parts"])
def test_cancel_leaves_the_database_as_it_was(tmp_db, tmp_path, db_path, monkeypatch, in_parts):
    if in_parts:
        monkeypatch.setattr(excel_parts, "PARTS_FROM", 0)
        monkeypatch.setattr(excel_parts, "PART_BYTES", 8000)
    temp = Path(tempfile.gettempdir())
    parts_before = set(temp.glob("wufu-sheet-*"))
    run_import(tmp_db, messy_roster(tmp_path))
    before = db_dump(db_path)
    seen = []

    def progress(done, total, message):
        seen.append(message)
        if "Saving" in message:
            job.cancel()

    job = JobControl(progress)
    with pytest.raises(Cancelled):
        run_import(tmp_db, big_roster(tmp_path), report_path=tmp_path / "r.xlsx", job=job)
    assert db_dump(db_path) == before and not (tmp_path / "r.xlsx").exists()
    assert set(temp.glob("wufu-sheet-*")) == parts_before


def test_failure_after_insert_rolls_back_everything(tmp_db, tmp_path, db_path, monkeypatch):
    before = db_dump(db_path)

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(importer, "write_report", broken)
    with pytest.raises(OSError):
        run_import(tmp_db, big_roster(tmp_path), report_path=tmp_path / "r.xlsx")
    assert db_dump(db_path) == before


def test_failure_inside_bulk_insert_rolls_back(tmp_db, tmp_path, db_path, monkeypatch):
    before = db_dump(db_path)
    real = service.BulkWriter.add_columns

    def half_then_fail(writer, values, count, search=None):
        real(writer, {key: column[: count // 2] for key, column in values.items()}, count // 2)
        raise RuntimeError("injected")

    monkeypatch.setattr(service.BulkWriter, "add_columns", half_then_fail)
    with pytest.raises(RuntimeError):
        run_import(tmp_db, big_roster(tmp_path))
    assert db_dump(db_path) == before


KILLED_CHILD = """
import os, signal, sys
sys.path.insert(0, {root!r})
from app.database import Database
from app.residents import importer, importer_source, service
real = service.BulkWriter.add_columns


def insert_then_die(writer, values, count, search=None):
    real(writer, values, count, search)
    writer.session.flush()
    os.kill(os.getpid(), signal.SIGKILL)  # the power cut: inserted, not committed


service.BulkWriter.add_columns = insert_then_die
importer.run_import(Database.open({db!r}), {source!r})
"""


def test_killed_mid_import_leaves_the_database_as_it_was(tmp_db, tmp_path, db_path, project_root):
    run_import(tmp_db, messy_roster(tmp_path))
    tmp_db.close()
    before = db_dump(db_path)
    script = KILLED_CHILD.format(root=str(project_root), db=str(db_path), source=str(big_roster(tmp_path)))
    done = subprocess.run([sys.executable, "-c", script], env=child_env(tmp_path), capture_output=True, timeout=120)
    assert done.returncode == -9, done.stderr
    assert db_dump(db_path) == before


# --- refused files and columns --------------------------------------------------------------------


def test_refused_files_raise_user_error(tmp_db, tmp_path, db_path):
    before = db_dump(db_path)
    text = tmp_path / "names.xlsx"
    text.write_text("姓名,身份证号\n张三,1\n", encoding="utf-8")
    locked = tmp_path / "locked.xlsx"
    entry = "EncryptionInfo\0".encode("utf-16-le").ljust(128, b"\0")
    locked.write_bytes(guard.OLE_MAGIC.ljust(512, b"\0") + entry + bytes(384))
    bomb = messy_roster(tmp_path, "bomb.xlsx")
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/image1.bin", bytes(20 * 1024 * 1024))
    huge = tmp_path / "huge.xlsx"
    with open(huge, "wb") as f:
        f.truncate(guard.MAX_FILE_BYTES + 1)  # sparse: refused by its size before anything is read
    for path, phrase in ((text, "not an Excel workbook"), (locked, "password"), (bomb, "zip bomb"),
                         (huge, "MB"), (tmp_path / "gone.xlsx", "does not exist")):
        with pytest.raises(UserError) as error:
            run_import(tmp_db, path)
        assert phrase in error.value.message
    assert db_dump(db_path) == before


def test_missing_required_column_is_named(tmp_db, tmp_path):
    path = workbook(tmp_path / "no-id.xlsx", [["姓名", "电话"], ["张三", "13912341031"]])
    assert [f.key for f in plan_import(tmp_db, path).missing_required] == ["id_number"]
    with pytest.raises(UserError) as error:
        run_import(tmp_db, path)
    assert "公民身份号码" in error.value.message and "电话" in error.value.message


def test_user_chosen_header_row_and_mapping(tmp_db, tmp_path):
    rows = [["说明"], ["名字", "号码", "家"], ["张秀兰", ZHANG, "3-2-401"]]
    path = workbook(tmp_path / "odd.xlsx", rows)
    preview = plan_import(tmp_db, path, header_row=2, mapping={"name": 0, "id_number": 1, "address": 2})
    assert preview.ready and preview.header_row == 2
    summary = run_import(tmp_db, path, header_row=2, mapping=preview.mapping)
    assert summary.imported == 1 and residents(tmp_db)[ZHANG].address_key.endswith("000401")


def test_separate_building_unit_room_columns(tmp_db, tmp_path):
    rows = [["姓名", "身份证号", "小区", "楼栋", "单元", "室"],
            ["张秀兰", ZHANG, "安居苑", "3号楼", 2, 401], ["李桂英", LI, "安居苑", "三", "2单元", "402室"]]
    assert run_import(tmp_db, workbook(tmp_path / "parts.xlsx", rows)).imported == 2
    shown = service.load_rows(tmp_db, service.query_ids(tmp_db))
    assert sorted(r.address for r in shown) == ["安居苑3号楼2单元401室", "安居苑3号楼2单元402室"]


def test_a_roster_read_in_parts_imports_what_the_whole_sheet_imports(tmp_db, tmp_path, db_path, monkeypatch):
    from app.database import Database

    source = big_roster(tmp_path)
    other_path = tmp_path / "whole.db"
    other = Database.open(other_path)
    plain = run_import(other, source, report_path=tmp_path / "whole-report.xlsx")
    other.close()
    monkeypatch.setattr(excel_parts, "PARTS_FROM", 0)
    monkeypatch.setattr(excel_parts, "PART_BYTES", 8000)
    monkeypatch.setattr(importer_source, "READ_CHUNK", 300)
    temp = Path(tempfile.gettempdir())
    before = set(temp.glob("wufu-sheet-*"))
    parted = run_import(tmp_db, source, report_path=tmp_path / "parts-report.xlsx")
    assert set(temp.glob("wufu-sheet-*")) == before  # the parts' workbook is gone
    assert (parted.imported, parted.rejected, parted.duplicates) == (plain.imported, plain.rejected, plain.duplicates)
    assert parted.imported > 2000 and _roster(db_path) == _roster(other_path)
    assert report_rows(tmp_path / "parts-report.xlsx") == report_rows(tmp_path / "whole-report.xlsx")


def _indexes(path: Path) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").fetchall()
    finally:
        connection.close()


def _roster(path: Path) -> dict[str, list]:
    """The roster's tables without their clock columns (two imports a second apart differ there)."""
    connection = sqlite3.connect(path)
    try:
        result = {}
        for table in ("buildings", "rooms", "households", "residents", "resident_tags"):
            columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')
                       if row[1] not in ("created_at", "updated_at")]
            listed = ", ".join(f'"{c}"' for c in columns)
            result[table] = connection.execute(f'SELECT {listed} FROM "{table}" ORDER BY rowid').fetchall()
        return result
    finally:
        connection.close()


def test_chunks_and_deferred_indexes_write_what_one_pass_writes(tmp_db, tmp_path, db_path, monkeypatch):
    from app.database import Database

    source = big_roster(tmp_path)
    other_path = tmp_path / "one-pass.db"
    other = Database.open(other_path)
    plain = run_import(other, source)
    other.close()
    indexes = _indexes(db_path)
    monkeypatch.setattr(importer_source, "READ_CHUNK", 700)
    monkeypatch.setattr(importer, "DEFER_INDEXES_FROM", 1000)
    deferred = run_import(tmp_db, source)
    assert deferred == plain and deferred.imported > 2000
    assert _indexes(db_path) == indexes  # dropped for the import and made again, the same
    assert _roster(db_path) == _roster(other_path)
    with tmp_db.reading() as session:
        entries = session.scalars(select(AuditLog).where(AuditLog.table_name == "residents")).all()
    assert len(entries) == 2  # bulk summary + the import's own, not one per chunk


def test_into_an_empty_roster_even_the_unique_index_waits_and_still_refuses_a_duplicate(
        tmp_path, monkeypatch):
    """Into a roster without active residents the unique index on ID numbers is made again at
    the end too; were a duplicate to slip past the file's own check, making it fails the import
    and leaves the database as it was."""
    from app.database import Database

    db_path = tmp_path / "empty.db"
    db = Database.open(db_path)
    try:
        before, indexes = db_dump(db_path), _indexes(db_path)
        dropped = []
        real_drop = service.deferred_indexes

        def watched(session, defer=True, unique_too=False):
            dropped.append((defer, unique_too))
            return real_drop(session, defer, unique_too)

        monkeypatch.setattr(service, "deferred_indexes", watched)
        monkeypatch.setattr(importer, "DEFER_INDEXES_FROM", 1000)
        source = big_roster(tmp_path)
        rows = openpyxl.load_workbook(source).active
        rows.append(["同号人", rows.cell(2, 2).value, "3-2-401"])  # the first row's ID number again
        rows.parent.save(source)

        class Forgetful(dict):  # a file check that misses duplicates
            def setdefault(self, key, default=None):
                return default

        real_init = importer_source._Checking.__init__

        def forgetful_init(self, *args):
            real_init(self, *args)
            self.first_row = Forgetful()

        monkeypatch.setattr(importer_source._Checking, "__init__", forgetful_init)
        with pytest.raises(sqlalchemy.exc.IntegrityError):
            run_import(db, source)
        assert dropped == [(True, True)]
        assert db_dump(db_path) == before and _indexes(db_path) == indexes
    finally:
        db.close()


def test_failure_in_a_later_chunk_rolls_back_the_dropped_indexes_too(tmp_db, tmp_path, db_path, monkeypatch):
    before, indexes = db_dump(db_path), _indexes(db_path)
    real, calls = service.BulkWriter.add_columns, []

    def second_fails(writer, values, count, search=None):
        calls.append(count)
        if len(calls) == 2:
            raise RuntimeError("injected")
        return real(writer, values, count, search)

    monkeypatch.setattr(importer_source, "READ_CHUNK", 700)
    monkeypatch.setattr(importer, "DEFER_INDEXES_FROM", 1000)
    monkeypatch.setattr(service.BulkWriter, "add_columns", second_fails)
    with pytest.raises(RuntimeError):
        run_import(tmp_db, big_roster(tmp_path))
    assert db_dump(db_path) == before and _indexes(db_path) == indexes
