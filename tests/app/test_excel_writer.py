"""app/excel/writer.py: safe cells, dates, layout, progress, atomic files. Read back, never just 'exists'."""

from __future__ import annotations

import datetime as dt
import os

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from app.errors import UserError
from app.excel import writer
from app.excel.writer import Column, Sheet, display_width, write_workbook
from app.jobs import Cancelled, JobControl

RISKY_TEXTS = ["=1+2", "=HYPERLINK(\"http://x\",\"点我\")", "+86 139", "-5", "@SUM(A1)", "\tTab", "#N/A", "=", "#REF!"]


def _write(path, rows, columns=None, **sheet_options):
    columns = columns or [Column("值")]
    write_workbook(path, [Sheet("表", columns, rows, **sheet_options)])
    return openpyxl.load_workbook(path)["表"]


def _calamine_rows(path, sheet="表"):
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    path = tmp_path / "risky.xlsx"
    ws = _write(path, [[text] for text in RISKY_TEXTS])
    cells = [row[0] for row in ws.iter_rows(min_row=2)]
    assert [c.value for c in cells] == RISKY_TEXTS
    assert {c.data_type for c in cells} == {"s"}
    assert [row[0] for row in _calamine_rows(path)[1:]] == RISKY_TEXTS


def test_illegal_control_characters_are_dropped_and_rare_characters_survive(tmp_path):
    path = tmp_path / "chars.xlsx"
    ws = _write(path, [["𠮷田\x01\x08秀兰"], ["=\x02x"], ["\x00"], ["a\r\nb"]])
    values = [row[0].value for row in ws.iter_rows(min_row=2)]
    assert values == ["𠮷田秀兰", "=x", None, "a\nb"]
    assert _calamine_rows(path)[1][0] == "𠮷田秀兰"


def test_values_keep_their_types(tmp_path):
    columns = [Column("姓名"), Column("公民身份号码"), Column("出生日期", kind="date"),
               Column("登记时间", kind="datetime"), Column("人数", kind="int"), Column("面积", kind="float")]
    rows = [
        ["张秀兰", 640104194604081197, dt.date(1950, 3, 5), dt.datetime(2024, 5, 1, 9, 30), 3, 12.5],
        ["李四", "11010519491231002X", dt.datetime(1949, 12, 31, 8, 0), dt.date(2024, 5, 2), None, None],
        [None, 13912341031.0, None, None],  # short row: the rest is empty
    ]
    path = tmp_path / "types.xlsx"
    ws = _write(path, rows, columns)
    first, second, third = (list(r) for r in ws.iter_rows(min_row=2))
    assert first[1].value == "640104194604081197" and first[1].data_type == "s"
    assert first[2].value == dt.datetime(1950, 3, 5) and first[2].number_format == "yyyy-mm-dd"
    assert first[3].value == dt.datetime(2024, 5, 1, 9, 30) and first[3].number_format == "yyyy-mm-dd hh:mm"
    assert (first[4].value, first[5].value) == (3, 12.5)
    assert second[2].value == dt.datetime(1949, 12, 31) and second[2].number_format == "yyyy-mm-dd"
    assert second[3].number_format == "yyyy-mm-dd"
    assert third[0].value is None and third[1].value == "13912341031"
    back = _calamine_rows(path)
    assert back[1][2] == dt.date(1950, 3, 5)
    assert back[1][3] == dt.datetime(2024, 5, 1, 9, 30)
    assert back[2][2] == dt.date(1949, 12, 31)


def test_header_is_styled_frozen_and_filtered(tmp_path):
    ws = _write(tmp_path / "h.xlsx", [["张秀兰", "1号楼"]] * 5, [Column("姓名"), Column("住址")])
    header = ws["A1"]
    assert header.value == "姓名" and header.font.b
    assert header.fill.fgColor.rgb.endswith("DDEBF7")
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:B6"
    assert ws.print_title_rows == "$1:$1"


def test_title_line_is_merged_above_the_header(tmp_path):
    ws = _write(tmp_path / "t.xlsx", [["张秀兰", "1号楼"]], [Column("姓名"), Column("住址")],
                title_line="阅海社区人口信息登记表")
    assert ws["A1"].value == "阅海社区人口信息登记表" and ws["A1"].font.b
    assert [str(r) for r in ws.merged_cells.ranges] == ["A1:B1"]
    assert ws["A2"].value == "姓名"
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == "A2:B3"


def test_empty_sheet_still_has_header_and_filter(tmp_path):
    ws = _write(tmp_path / "e.xlsx", [], [Column("姓名")])
    assert ws["A1"].value == "姓名" and ws.auto_filter.ref == "A1:A1"


def test_column_widths_given_or_estimated_with_chinese_counting_double(tmp_path):
    columns = [Column("姓名"), Column("公民身份号码"), Column("备注", width=40), Column("出生日期", kind="date")]
    ws = _write(tmp_path / "w.xlsx", [["欧阳秀兰英", "11010519491231002X", "", dt.date(1950, 3, 5)]], columns)
    widths = {k: v.width for k, v in ws.column_dimensions.items()}
    assert widths["A"] == display_width("欧阳秀兰英") + writer.WIDTH_PADDING == 13
    assert widths["B"] == 18 + writer.WIDTH_PADDING
    assert widths["C"] == 40
    assert widths["D"] >= 12
    assert display_width("𠮷a") == 3


def test_rows_may_be_mappings_read_by_column_key(tmp_path):
    columns = [Column("姓名", key="name"), Column("电话", key="phone")]
    ws = _write(tmp_path / "m.xlsx", [{"name": "张三", "phone": "=1"}, {"name": "李四"}], columns)
    assert [[c.value for c in r] for r in ws.iter_rows(min_row=2)] == [["张三", "=1"], ["李四", None]]


def test_several_sheets_with_names_excel_accepts(tmp_path):
    path = tmp_path / "s.xlsx"
    sheets = [Sheet("居民:花名册/2024", [Column("a")], [[1]]), Sheet("居民:花名册/2024", [Column("b")], [[2]])]
    write_workbook(path, sheets)
    assert openpyxl.load_workbook(path).sheetnames == ["居民_花名册_2024", "居民_花名册_2024(2)"]


def test_too_many_values_in_a_row_is_a_programming_error(tmp_path):
    with pytest.raises(ValueError):
        write_workbook(tmp_path / "x.xlsx", [Sheet("s", [Column("a")], [[1, 2]])])
    assert os.listdir(tmp_path) == []


def test_progress_is_reported(tmp_path):
    reports = []
    job = JobControl(lambda done, total, message: reports.append((done, total)))
    write_workbook(tmp_path / "p.xlsx", [Sheet("s", [Column("n", kind="int")], [[i] for i in range(2500)])], job)
    assert reports == [(1000, 2500), (2000, 2500), (2500, 2500)]


def test_cancel_leaves_no_file_and_keeps_the_old_one(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"previous export")
    job = JobControl()

    def rows():
        for i in range(5000):
            if i == 1500:
                job.cancel()
            yield [i]

    with pytest.raises(Cancelled):
        write_workbook(target, [Sheet("s", [Column("n")], rows())], job)
    assert os.listdir(tmp_path) == ["out.xlsx"]
    assert target.read_bytes() == b"previous export"

    fresh = tmp_path / "new.xlsx"
    job = JobControl()
    job.cancel()
    with pytest.raises(Cancelled):
        write_workbook(fresh, [Sheet("s", [Column("n")], [[i] for i in range(1000)])], job)
    assert not fresh.exists()


def test_missing_folder_is_a_user_error(tmp_path, monkeypatch):
    _mark_translations(monkeypatch)
    with pytest.raises(UserError) as error:
        write_workbook(tmp_path / "no" / "such" / "x.xlsx", [Sheet("s", [Column("a")], [])])
    assert error.value.message.startswith("译:")


def test_unwritable_folder_is_a_user_error(tmp_path, monkeypatch):
    _mark_translations(monkeypatch)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(writer.tempfile, "mkstemp", refuse)
    with pytest.raises(UserError) as error:
        write_workbook(tmp_path / "x.xlsx", [Sheet("s", [Column("a")], [])])
    assert error.value.message.startswith("译:")


def test_file_open_in_excel_is_a_user_error_and_no_temp_is_left(tmp_path, monkeypatch):
    _mark_translations(monkeypatch)

    def locked(src, dst):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(writer.os, "replace", locked)
    with pytest.raises(UserError) as error:
        write_workbook(tmp_path / "x.xlsx", [Sheet("s", [Column("a")], [["x"]])])
    assert error.value.message.startswith("译:") and "x.xlsx" in error.value.message
    assert os.listdir(tmp_path) == []


def _mark_translations(monkeypatch):
    """Proves a message went through translate("app", ...) without needing the zh_CN catalog."""

    def fake(context, text):
        assert context == "app"
        return "译:" + text

    monkeypatch.setattr(writer, "translate", fake)
