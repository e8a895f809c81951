"""Exporting the roster: the workbook read back (masking, text cells, the import's columns, the
audit of a full export, a round trip through the importer) and the PDF through pdftotext."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from app import i18n
from app.database import Database
from app.jobs import Cancelled, JobControl
from app.residents import service
from app.residents.dates import format_date_cn
from app.residents.export import export_excel, export_pdf
from app.residents.idcard import id_check_char
from app.residents.importer import run_import
from app.residents.queries import ResidentQuery
from app.residents.roster_columns import EXPORT_KEYS, iter_records, label
from db.models import AuditLog

pdftotext = shutil.which("pdftotext")


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")


def make_id(region: str, birth: str, sequence: str) -> str:
    body = region + birth + sequence
    return body + id_check_char(body)


ZHANG = make_id("640106", "19500305", "123")
LI = make_id("640106", "19620411", "224")
JI = make_id("640106", "19711121", "346")
FORMULA = make_id("640104", "19881012", "135")


@pytest.fixture
def roster(tmp_db):
    """Four residents in two buildings, with tags, households, a landline and awkward names."""
    tags = {t.name: t.id for t in service.tags(tmp_db)}
    people = [
        {"name": "张秀兰", "id_number": ZHANG, "phones": "13912341031", "address": "安居苑3号楼2单元401室",
         "household_number": "H001", "relation_to_head": "户主", "ethnicity": "回族", "grid": "第一网格",
         "political_status": "中共党员", "residence_status": "人在户在", "tags": {tags["独居老人"]: None}},
        {"name": "李桂英", "id_number": LI, "phones": "0951-5012345、13912341032", "address": "安居苑3-2-402",
         "household_number": "H002", "relation_to_head": "户主", "notes": "第一行\n第二行",
         "tags": {tags["残疾人"]: "肢体 二级", tags["低保户"]: None}},
        {"name": "𠮷秀英", "id_number": JI, "address": "银啤苑5号楼301室", "employer": "福通社区五福驿站"},
        {"name": "=1+2", "id_number": FORMULA, "phones": "13912341033", "notes": "@mention -dash +plus"},
    ]
    return {person["id_number"]: service.create(tmp_db, person) for person in people}


def read_sheet(path: Path):
    ws = openpyxl.load_workbook(path).worksheets[0]
    rows = list(ws.iter_rows())
    header = [cell.value for cell in rows[1]]
    return rows[0][0].value, header, [{h: cell for h, cell in zip(header, row)} for row in rows[2:]]


def test_masked_export_reads_back(tmp_db, roster, tmp_path):
    path = tmp_path / "roster.xlsx"
    assert export_excel(tmp_db, ResidentQuery(), path) == 4
    title, header, rows = read_sheet(path)
    assert title == f"Community resident roster　{format_date_cn(date.today())}"
    assert header == [label(key) for key in EXPORT_KEYS]
    by_name = {row["姓名"].value: row for row in rows}
    zhang = by_name["张秀兰"]
    assert zhang["公民身份号码"].value == "640106********1233"[:14] + ZHANG[-4:]
    assert zhang["联系电话"].value == "139****1031" and by_name["李桂英"]["联系电话"].value == "0951-****345、139****1032"
    assert zhang["出生日期"].value == datetime(1950, 3, 5) and zhang["出生日期"].is_date
    assert (zhang["小区"].value, zhang["楼栋"].value, zhang["单元"].value, zhang["室"].value) == ("安居苑", "3", "2", "401")
    assert zhang["特殊人群"].value == "独居老人" and by_name["李桂英"]["特殊人群"].value == "低保户、残疾人（肢体 二级）"
    assert by_name["李桂英"]["备注"].value == "第一行\n第二行"
    formula = by_name["=1+2"]
    assert formula["姓名"].data_type == "s" and formula["备注"].value == "@mention -dash +plus"
    assert all(row["公民身份号码"].data_type == "s" for row in rows)
    assert by_name["𠮷秀英"]["姓名"].value == "𠮷秀英"
    with tmp_db.reading() as session:
        assert session.scalar(select(AuditLog).where(AuditLog.action == "export")) is None


def test_revealed_export_is_full_and_audited(tmp_db, roster, tmp_path):
    path = tmp_path / "full.xlsx"
    assert export_excel(tmp_db, ResidentQuery(text="安居苑"), path, reveal=True) == 2
    _, _, rows = read_sheet(path)
    assert sorted(row["公民身份号码"].value for row in rows) == sorted([ZHANG, LI])
    assert {row["联系电话"].value for row in rows} == {"13912341031", "0951-5012345、13912341032"}
    with tmp_db.reading() as session:
        entry = session.scalar(select(AuditLog).where(AuditLog.action == "export"))
    assert entry.table_name == "residents" and entry.actor == "测试员"
    assert json.loads(entry.changes) == {"reveal": True, "count": 2, "path": str(path), "format": "xlsx"}


def test_export_imports_back_unchanged(tmp_db, roster, tmp_path):
    path = tmp_path / "full.xlsx"
    export_excel(tmp_db, ResidentQuery(), path, reveal=True)
    fresh = Database.open(tmp_path / "fresh.db", actor="测试员")
    try:
        summary = run_import(fresh, path)
        assert (summary.imported, summary.rejected, summary.duplicates, summary.warnings) == (4, 0, 0, 0)

        def snapshot(db):
            with db.reading() as session:
                ids = service.query_ids(db)
                return {r["id_number"]: {k: v for k, v in r.items() if k != "id"} for r in iter_records(session, ids)}

        assert snapshot(fresh) == snapshot(tmp_db)
        assert run_import(fresh, path).duplicates == 4  # and a second time, nothing
    finally:
        fresh.close()


def test_masked_export_does_not_import(tmp_db, roster, tmp_path):
    path = tmp_path / "masked.xlsx"
    export_excel(tmp_db, ResidentQuery(), path)
    fresh = Database.open(tmp_path / "fresh.db")
    try:
        summary = run_import(fresh, path, report_path=tmp_path / "r.xlsx")
        assert summary.rejected == 4 and summary.imported == 0
    finally:
        fresh.close()


def test_moved_out_residents_carry_their_status(tmp_db, roster, tmp_path):
    service.move_out(tmp_db, roster[LI], date(2026, 1, 5), "迁往西夏区")
    path = tmp_path / "all.xlsx"
    assert export_excel(tmp_db, ResidentQuery(status=None), path, reveal=True) == 4
    _, header, rows = read_sheet(path)
    assert header[-1] == "在册状态"
    assert {row["姓名"].value: row["在册状态"].value for row in rows}["李桂英"] == "迁出"
    fresh = Database.open(tmp_path / "fresh.db")
    try:
        assert (run_import(fresh, path).imported, run_import(fresh, path).rejected) == (3, 1)
    finally:
        fresh.close()


def test_cancelled_export_leaves_no_file(tmp_db, roster, tmp_path):
    job = JobControl()
    job.cancel()
    with pytest.raises(Cancelled):
        export_excel(tmp_db, ResidentQuery(), tmp_path / "x.xlsx", job=job)
    pdf_job = JobControl(lambda *progress: pdf_job.cancel())  # cancelled at its first progress report
    with pytest.raises(Cancelled):
        export_pdf(tmp_db, ResidentQuery(), tmp_path / "x.pdf", job=pdf_job)
    assert list(tmp_path.glob("x.*")) == [] and not list(tmp_path.glob(".*tmp"))


def pdf_text(path: Path) -> str:
    return subprocess.run([pdftotext, "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(pdftotext is None, reason="needs pdftotext (poppler-utils)")
def test_pdf_roster(tmp_db, roster, tmp_path):
    tmp_db.set_setting("community_name", "福通社区")
    path = tmp_path / "roster.pdf"
    assert export_pdf(tmp_db, ResidentQuery(), path) == 4
    text = pdf_text(path)
    assert "福通社区 resident roster" in text and format_date_cn(date.today()) in text and "4 residents" in text
    # 𠮷 (U+20BB7) is not in the bundled WenQuanYi Micro Hei, so only the rest of that name shows.
    assert "张秀兰" in text and "秀英" in text and "=1+2" in text
    assert ZHANG[:6] + "********" + ZHANG[-4:] in text and ZHANG not in text
    assert "139****1031" in text and "13912341031" not in text
    assert "Page 1 of 1" in text


@pytest.mark.skipif(pdftotext is None, reason="needs pdftotext (poppler-utils)")
def test_pdf_grouped_by_building_over_pages(tmp_db, roster, tmp_path):
    rows = [["姓名", "身份证号", "住址"]] + [
        [f"居民{i}", make_id("640106", f"19{50 + i % 40}0{1 + i % 9}1{i % 9}", f"{i:03d}"), f"{1 + i % 3}-1-{101 + i % 6}"]
        for i in range(120)]
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(tmp_path / "more.xlsx")
    run_import(tmp_db, tmp_path / "more.xlsx")
    path = tmp_path / "grouped.pdf"
    assert export_pdf(tmp_db, ResidentQuery(), path, group_by_building=True) == 124
    text = pdf_text(path)
    assert "Community resident roster" in text
    for heading in ("1号楼 (40 residents)", "2号楼 (40 residents)", "安居苑3号楼 (2 residents)", "银啤苑5号楼 (1 residents)",
                    "No home address (1 residents)"):
        assert heading in text, heading
    pages = text.count("\f")
    assert pages >= 2 and f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    assert "(continued)" in text


def test_fast_masking_is_the_masking_module():
    from app.residents.export import masked_id, masked_phones
    from app.residents.masking import mask_id, mask_phone

    for value in (ZHANG, LI, "11010519491231002X", "640106500305123", "12345", "6401061950030512"):
        assert masked_id(value) == mask_id(value), value
    assert masked_id(None) is None and masked_id("") is None
    for phones in ("13912341031", "0951-5012345、13912341032", "5012345", "010-12345678", "19912345678、1391234"):
        assert masked_phones(phones) == "、".join(mask_phone(p) for p in phones.split("、")), phones
