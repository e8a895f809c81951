"""app/excel/parts.py: a big sheet read in parts gives exactly the rows of the whole sheet."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from app.excel import open_table, parts, sheet_rows
from app.excel.reader import FieldSpec

FIELDS = [FieldSpec("name", "姓名", required=True), FieldSpec("id_number", "身份证号", required=True),
          FieldSpec("birth_date", "出生日期"), FieldSpec("phone", "联系电话"), FieldSpec("notes", "备注")]


@pytest.fixture
def small_parts(monkeypatch):
    """Cut every sheet, into parts of about 20 KB of XML."""
    monkeypatch.setattr(parts, "PARTS_FROM", 0)
    monkeypatch.setattr(parts, "PART_BYTES", 20_000)


def roster(path: Path, rows: int = 3000, blank_every: int = 0, date1904: bool = False) -> Path:
    wb = openpyxl.Workbook()
    wb.create_sheet("说明", 0).append(["这一页不是名单"])
    ws = wb["Sheet"]
    ws.title = "花名册"
    if date1904:
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws.append(["福通社区居民花名册"])
    ws.merge_cells("A1:E1")
    ws.append(["姓名", "身份证号", "出生日期", "联系电话", "备注"])
    for index in range(rows):
        if blank_every and index % blank_every == 0:
            for _ in range(3):
                ws.append([])
        ws.append([f"居民{index}", f"6401061950{index:08d}", dt.date(1950, 1, 1) + dt.timedelta(days=index),
                   13900000000 + index, "第一行\n第二行" if index % 5 == 0 else None])
    ws.cell(row=ws.max_row + 2, column=7, value="表外的备注")  # a cell far right, below the data
    wb.save(path)
    return path


def whole(path: Path, monkeypatch, **options):
    with monkeypatch.context() as patch:
        patch.setattr(sheet_rows, "split_sheet", lambda *args, **kwargs: None)
        table = open_table(path, FIELDS, **options)
        return table, [(row, record) for row, record in table.rows()]


def read(table) -> list:
    return [(row, record) for row, record in table.rows()]


@pytest.mark.parametrize("blank_every", [0, 97])
def test_a_sheet_in_parts_reads_as_the_whole_sheet(tmp_path, monkeypatch, small_parts, blank_every):
    path = roster(tmp_path / "r.xlsx", blank_every=blank_every)
    expected_table, expected = whole(path, monkeypatch)
    table = open_table(path, FIELDS)
    assert isinstance(table._data, sheet_rows.PartedRows) and len(table._data._parts) > 10
    assert (table.sheet_name, table.header_row, table.headers, table.mapping, table.total_rows) == (
        expected_table.sheet_name, expected_table.header_row, expected_table.headers, expected_table.mapping,
        expected_table.total_rows)
    assert read(table) == expected and len(expected) == 3000
    chunked = [(row, chunk.record(i)) for chunk in table.column_chunks(700) for i, row in enumerate(chunk.rows)]
    assert chunked == expected
    assert expected[1234] == (1237 + 3 * (1234 // blank_every + 1) if blank_every else 1237, {
        "name": "居民1234", "id_number": "640106195000001234", "birth_date": dt.date(1953, 5, 19),
        "phone": 13900001234, "notes": None})
    wanted = [expected[0][0], expected[1500][0], expected[-1][0]]
    assert table.records_at(wanted) == {row: dict(record) for row, record in expected if row in wanted}
    temp = table._data._parts.path
    assert temp.exists()
    table.close()
    assert not temp.exists()


def test_dates_of_a_1904_workbook_survive_the_cut(tmp_path, monkeypatch, small_parts):
    path = roster(tmp_path / "mac.xlsx", rows=800, date1904=True)
    with zipfile.ZipFile(path) as z:
        assert b'date1904="1"' in z.read("xl/workbook.xml")
    table = open_table(path, FIELDS)
    assert isinstance(table._data, sheet_rows.PartedRows)
    assert read(table) == whole(path, monkeypatch)[1]
    assert read(table)[10][1]["birth_date"] == dt.date(1950, 1, 11)


def _rewrite_sheet(path: Path, target: Path, change) -> Path:
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            out.writestr(item, change(data) if item.filename == "xl/worksheets/sheet2.xml" else data)
    return target


def test_a_prefixed_sheet_is_cut_at_its_prefixed_rows(tmp_path, monkeypatch, small_parts):
    """Some writers spell the sheet's elements with a prefix: <x:row r="5">."""
    def prefixed(data: bytes) -> bytes:
        data = data.replace(b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
                            b'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
        return re.sub(rb"<(/?)(?!\?)([A-Za-z])", rb"<\1x:\2", data)

    path = _rewrite_sheet(roster(tmp_path / "r.xlsx", rows=900), tmp_path / "x.xlsx", prefixed)
    with zipfile.ZipFile(path) as z:
        assert b"<x:row " in z.read("xl/worksheets/sheet2.xml")
    table = open_table(path, FIELDS)
    assert isinstance(table._data, sheet_rows.PartedRows) and len(table._data._parts) > 3
    assert read(table) == whole(path, monkeypatch)[1] and len(read(table)) == 900


def test_rows_without_their_numbers_are_not_cut(tmp_path, monkeypatch, small_parts):
    """Rows may leave out r="…" (they are then counted): such a sheet is read whole."""
    path = _rewrite_sheet(roster(tmp_path / "r.xlsx", rows=900), tmp_path / "n.xlsx",
                          lambda data: re.sub(rb'(<row) r="[0-9]+"', rb"\1", re.sub(rb' r="[A-Z]+[0-9]+"', b"", data)))
    table = open_table(path, FIELDS)
    assert not isinstance(table._data, sheet_rows.PartedRows)
    assert read(table) == whole(path, monkeypatch)[1] and read(table)[899][1]["name"] == "居民899"


def test_small_sheets_are_read_whole(tmp_path):
    table = open_table(roster(tmp_path / "r.xlsx", rows=50), FIELDS)
    assert not isinstance(table._data, sheet_rows.PartedRows) and len(read(table)) == 50


def test_stopping_early_waits_for_the_part_being_parsed(tmp_path, small_parts):
    """An import cancelled half way leaves no parse running and no temporary file behind."""
    table = open_table(roster(tmp_path / "r.xlsx"), FIELDS)
    rows = table.rows()
    for _ in range(1000):
        next(rows)
    rows.close()
    temp = table._data._parts.path
    table.close()
    assert not temp.exists()


def test_rows_out_of_order_are_read_whole(tmp_path, monkeypatch, small_parts):
    """calamine places rows by their number, whatever their order in the file: a sheet whose rows are
    not in ascending order is not cut (a part could hold a row below one already read)."""
    def late_row(data: bytes) -> bytes:
        rows = re.findall(rb"<row .*?</row>", data)
        moved = rows[700]  # row 702 written right after row 101
        data = data.replace(moved, b"")
        return data.replace(rows[99], rows[99] + moved)

    path = _rewrite_sheet(roster(tmp_path / "r.xlsx", rows=900), tmp_path / "o.xlsx", late_row)
    table = open_table(path, FIELDS)
    assert not isinstance(table._data, sheet_rows.PartedRows)
    assert read(table) == whole(path, monkeypatch)[1] and len(read(table)) == 900


@pytest.mark.parametrize("kind", ["cdata", "comment"])
def test_row_tags_inside_cdata_or_comments_do_not_cut_the_sheet(tmp_path, monkeypatch, small_parts, kind):
    def hide_a_row_tag(data: bytes) -> bytes:
        rows = re.findall(rb"<row .*?</row>", data)
        if kind == "cdata":
            text = b"<is><t><![CDATA[" + b"z" * 30_000 + b'<row r="9999">]]></t></is>'
            changed = re.sub(rb'(<c r="E301"[^>]*?)(?:/>|>.*?</c>)', lambda m: m.group(1).replace(b' t="n"', b"")
                             + b' t="inlineStr">' + text + b"</c>", rows[300], count=1)
            if changed == rows[300]:  # E301 empty: add the cell
                changed = rows[300].replace(b"</row>", b'<c r="E301" t="inlineStr">' + text + b"</c></row>")
        else:
            changed = b"<!-- " + b"c" * 30_000 + b'<row r="7"> -->' + rows[300]
        return data.replace(rows[300], changed)

    path = _rewrite_sheet(roster(tmp_path / "r.xlsx", rows=900), tmp_path / f"{kind}.xlsx", hide_a_row_tag)
    expected = whole(path, monkeypatch)[1]
    table = open_table(path, FIELDS)
    assert not isinstance(table._data, sheet_rows.PartedRows)
    assert read(table) == expected and len(expected) == 900


def test_columns_offered_are_those_with_cells_not_the_dimension(tmp_path, monkeypatch, small_parts):
    """Excel's <dimension> counts formatted empty columns; the import dialog offers what calamine sees."""
    path = _rewrite_sheet(roster(tmp_path / "r.xlsx", rows=900), tmp_path / "d.xlsx",
                          lambda data: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:Z905"', data))
    expected = whole(path, monkeypatch)[0]
    table = open_table(path, FIELDS)
    assert isinstance(table._data, sheet_rows.PartedRows)
    assert table.headers == expected.headers and table.column_count == expected.column_count == 7
