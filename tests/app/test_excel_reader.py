"""app/excel/reader.py and guard.py: header finding, mapping, rows, and refusing unsafe files."""

from __future__ import annotations

import datetime as dt
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest

from app.errors import UserError
from app.excel import guard, reader
from app.excel.guard import Limits
from app.excel.reader import FieldSpec, normalize_header, open_table
from app.jobs import Cancelled, JobControl

SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "data" / "sample_roster.xlsx"  # shared/ sits beside the checkout

FIELDS = [
    FieldSpec("name", "姓名", required=True),
    FieldSpec("id_number", "公民身份号码", ("身份证号", "身份证号码", "身份证"), required=True),
    FieldSpec("sex", "性别"),
    FieldSpec("birth_date", "出生日期", ("出生年月",)),
    FieldSpec("phone", "联系电话", ("手机号码", "手机", "电话")),
    FieldSpec("address", "现居住地址", ("住址", "地址")),
]


def _workbook(path, rows, merges=(), title="花名册", extra_sheets=()):
    wb = openpyxl.Workbook()
    for name, sheet_rows in extra_sheets:
        ws = wb.create_sheet(name, 0)
        for row in sheet_rows:
            ws.append(row)
    ws = wb[wb.sheetnames[-1]]
    ws.title = title
    for row in rows:
        ws.append(row)
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    return path


def _roster(tmp_path, name="roster.xlsx"):
    rows = [
        ["阅海社区人口信息登记表"],
        ["填报单位：福通社区居委会", None, None, "填报日期：2024年5月"],
        ["序号", " * 姓 名 ", "身份证号码（必填）", "性别", "出生\n年月", "联系电话"],
        [1, "张秀兰", " 11010519491231002X ", "女", dt.date(1949, 12, 31), "13912341031"],
        [None, None, None, None, None, None],
        [2, "𠮷田", 640104194604081197, "男", "1946.4.8", 13912341032],
        [],
        [],
        [3, "王五", "", "男", None, "  "],
    ]
    return _workbook(tmp_path / name, rows, merges=["A1:F1", "A2:C2"])


def test_finds_the_header_under_a_merged_title_and_a_reporting_line(tmp_path):
    table = open_table(_roster(tmp_path), FIELDS)
    assert table.sheet_names == ["花名册"] and table.sheet_name == "花名册"
    assert table.header_row == 3
    assert table.headers == ["序号", "* 姓 名", "身份证号码（必填）", "性别", "出生 年月", "联系电话"]
    assert table.mapping == {"name": 1, "id_number": 2, "sex": 3, "birth_date": 4, "phone": 5}
    assert table.unmapped_headers == ["序号"]
    assert table.missing_required == []
    assert table.total_rows == 6


def test_rows_skip_blank_spacers_and_keep_excel_row_numbers(tmp_path):
    table = open_table(_roster(tmp_path), FIELDS)
    rows = list(table.rows())
    assert [number for number, _ in rows] == [4, 6, 9]
    assert rows[0][1] == {"name": "张秀兰", "id_number": "11010519491231002X", "sex": "女",
                          "birth_date": dt.date(1949, 12, 31), "phone": "13912341031"}
    # raw values: an ID typed as a number stays a (damaged) number for the validator to report
    assert rows[1][1]["name"] == "𠮷田"
    assert rows[1][1]["id_number"] == pytest.approx(6.40104194604081e17)
    assert rows[1][1]["birth_date"] == "1946.4.8"
    assert rows[1][1]["phone"] == 13912341032
    assert rows[2][1]["id_number"] is None and rows[2][1]["phone"] is None
    assert table.data_row_count == 3 and table.skipped_blank_rows == 3


@pytest.mark.parametrize("header", ["身份证号", "身份证号码", "公民身份号码", "公民身份号码*", "身份证号\n(18位)"])
def test_synonyms_map_to_one_key(tmp_path, header):
    path = _workbook(tmp_path / "s.xlsx", [["姓名", header], ["张三", "11010519491231002X"]])
    table = open_table(path, FIELDS)
    assert table.header_row == 1
    assert table.mapping == {"name": 0, "id_number": 1}


def test_header_normalisation():
    assert normalize_header("\u3000＊姓　名（必填）：") == "姓名"
    assert normalize_header("联系电话【必填】") == "联系电话"
    assert normalize_header("ＩＤ\n号") == "id号"
    assert normalize_header(None) == "" and normalize_header(2024.0) == "2024"


def test_two_row_header_with_a_group_above(tmp_path):
    rows = [
        ["居民信息登记表"],
        ["姓名", "身份证号", "联系方式", None, "住址"],
        [None, None, "手机", "固定电话", None],
        ["张三", "11010519491231002X", "13912341031", "0951-5012345", "3-2-401"],
    ]
    path = _workbook(tmp_path / "two.xlsx", rows, merges=["A1:E1", "A2:A3", "B2:B3", "C2:D2", "E2:E3"])
    table = open_table(path, FIELDS)
    assert table.header_row == 3
    assert table.mapping == {"name": 0, "id_number": 1, "phone": 2, "address": 4}
    assert [number for number, _ in table.rows()] == [4]


def test_user_can_override_header_row_and_mapping(tmp_path):
    path = _roster(tmp_path)
    table = open_table(path, FIELDS, header_row=3, mapping={"name": 1, "id_number": 2, "address": 5})
    assert table.mapping == {"name": 1, "id_number": 2, "address": 5}
    assert [r for r in table.missing_required] == []
    first = next(iter(table.rows()))
    assert first == (4, {"name": "张秀兰", "id_number": "11010519491231002X", "address": "13912341031"})

    lower = open_table(path, FIELDS, header_row=4)
    assert lower.header_row == 4 and lower.mapping == {}
    assert [f.key for f in lower.missing_required] == ["name", "id_number"]
    with pytest.raises(UserError):
        open_table(path, FIELDS, header_row=99)
    with pytest.raises(ValueError):
        open_table(path, FIELDS, mapping={"no_such_field": 1})


def test_missing_required_and_no_header_found(tmp_path):
    path = _workbook(tmp_path / "m.xlsx", [["说明：请勿修改"], ["姓名", "备注"], ["张三", "x"]])
    table = open_table(path, FIELDS)
    assert table.header_row == 2 and [f.key for f in table.missing_required] == ["id_number"]
    assert table.unmapped_headers == ["备注"]

    nothing = _workbook(tmp_path / "n.xlsx", [[], ["甲", "乙"], ["1", "2"]])
    table = open_table(nothing, FIELDS)
    assert table.mapping == {} and table.header_row == 2 and table.headers == ["甲", "乙"]


def test_picks_the_sheet_with_the_table_and_honours_a_named_one(tmp_path):
    path = _workbook(tmp_path / "sheets.xlsx", [["姓名", "身份证号"], ["张三", "1"]], title="数据",
                     extra_sheets=[("填表说明", [["请按模板填写"], ["身份证号必须为18位"]])])
    table = open_table(path, FIELDS)
    assert table.sheet_names == ["填表说明", "数据"] and table.sheet_name == "数据"
    assert open_table(path, FIELDS, sheet="填表说明").mapping == {}
    with pytest.raises(UserError):
        open_table(path, FIELDS, sheet="不存在")


def test_misnamed_workbook_is_read_by_content(tmp_path):
    path = _roster(tmp_path)
    renamed = tmp_path / "roster.xls"
    shutil.copy(path, renamed)
    assert open_table(renamed, FIELDS).header_row == 3


def test_rows_report_progress_and_can_be_cancelled(tmp_path):
    rows = [["姓名", "身份证号"]] + [[f"人{i}", str(i)] for i in range(2500)]
    table = open_table(_workbook(tmp_path / "big.xlsx", rows), FIELDS)
    reports = []
    assert len(list(table.rows(JobControl(lambda d, t, m: reports.append((d, t)))))) == 2500
    assert reports == [(0, 2500), (1000, 2500), (2000, 2500), (2500, 2500)]
    job = JobControl()
    job.cancel()
    with pytest.raises(Cancelled):
        list(table.rows(job))


def test_sample_roster(tmp_path):
    table = open_table(SAMPLE, FIELDS)
    assert table.header_row == 2
    assert table.headers[table.mapping["id_number"]] == "身份证号码"
    assert table.mapping["name"] == 0 and table.mapping["birth_date"] == 3
    rows = dict(table.rows())
    assert rows[3]["id_number"] == "640121195307148317"
    assert rows[7]["id_number"] == "642221195602169935"  # stored with spaces around it


# --- the guard ---------------------------------------------------------------------------------


@pytest.fixture
def marked(monkeypatch):
    """Messages must go through translate("app", ...): mark them instead of needing the catalog."""

    def fake(context, text):
        assert context == "app"
        return "译:" + text

    monkeypatch.setattr(guard, "translate", fake)
    monkeypatch.setattr(reader, "translate", fake)


def _refused(path, limits=Limits()):
    with pytest.raises(UserError) as error:
        open_table(path, FIELDS, limits=limits)
    assert error.value.message.startswith("译:")
    return error.value.message


def test_text_file_renamed_xlsx_is_refused(tmp_path, marked):
    path = tmp_path / "names.xlsx"
    path.write_text("姓名,身份证号\n张三,1\n", encoding="utf-8")
    assert "not an Excel workbook" in _refused(path)


def test_missing_file_and_folder_are_refused(tmp_path, marked):
    assert "does not exist" in _refused(tmp_path / "gone.xlsx")
    assert "not a file" in _refused(tmp_path)


def test_too_big_file_is_refused(tmp_path, marked):
    assert "MB" in _refused(_roster(tmp_path), Limits(max_bytes=1000))


def test_zip_bomb_is_refused_by_ratio(tmp_path, marked):
    path = _roster(tmp_path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/image1.bin", bytes(20 * 1024 * 1024))  # ~20 KB compressed
    assert "zip bomb" in _refused(path)


def test_zip_bomb_is_refused_by_total_size_and_entry_count(tmp_path, marked):
    path = _roster(tmp_path)
    assert "zip bomb" in _refused(path, Limits(max_uncompressed=10_000))
    assert "zip bomb" in _refused(path, Limits(max_entries=3))


def test_member_lying_about_its_size_is_refused(tmp_path, marked):
    path = _roster(tmp_path)
    payload = b"<x>" + b"a" * 2_000_000 + b"</x>"
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/liar.xml", payload)
    data = bytearray(path.read_bytes())
    real, fake = struct.pack("<I", len(payload)), struct.pack("<I", 100_000)
    local = data.rindex(b"PK\x03\x04")  # the appended member's local header, then its central entry
    central = data.rindex(b"PK\x01\x02")
    assert data[local + 22:local + 26] == real and data[central + 24:central + 28] == real
    data[local + 22:local + 26] = fake
    data[central + 24:central + 28] = fake
    path.write_bytes(bytes(data))
    assert "damaged" in _refused(path)


def _with_bad_crc(path, member):
    """The workbook at ``path`` with ``member``'s stored CRC changed (its data no longer matches)."""
    with zipfile.ZipFile(path) as archive:
        crc = archive.getinfo(member).CRC
    data = bytearray(path.read_bytes())
    old, new = struct.pack("<I", crc), struct.pack("<I", crc ^ 0xFFFF)
    assert data.count(old) == 2  # the local header and the central directory entry
    path.write_bytes(bytes(data).replace(old, new))
    return path


def _with_broken_deflate(path, member):
    """The workbook at ``path`` with bytes in the middle of ``member``'s compressed data changed so
    that inflating it fails (zlib.error), not only its CRC check."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    clean = path.read_bytes()
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for seed in range(200):  # some changes still inflate (to the wrong bytes): find one that does not
        data = bytearray(clean)
        position = start + info.compress_size // 2 + (seed * 7919) % (info.compress_size // 3)  # past the head the guard reads
        data[position:position + 8] = bytes((seed * 31 + i * 17) % 256 for i in range(8))
        path.write_bytes(bytes(data))
        try:
            with zipfile.ZipFile(path) as archive, archive.open(member) as stream:
                while stream.read(1 << 20):
                    pass
        except zlib.error:
            return path
        except zipfile.BadZipFile:
            continue
    raise AssertionError("no change broke the deflate stream")


def test_a_damaged_sheet_is_refused_whether_or_not_it_is_cut_in_parts(tmp_path, marked, monkeypatch):
    from app.excel import parts

    rows = [["姓名", "身份证号码"]] + [[f"居民{n}", f"64010419460408{n:04d}"] for n in range(500)]
    path = _with_bad_crc(_workbook(tmp_path / "big.xlsx", rows), "xl/worksheets/sheet1.xml")
    # The guard leaves a sheet to be cut to the cutting, which reads it through zipfile's checks…
    assert guard.check_workbook(path, streamed=lambda member: True) == "zip"
    assert "damaged" in _refused(path)  # small: the guard inflates it
    monkeypatch.setattr(parts, "PARTS_FROM", 0)  # big: cut in parts, the damage found while cutting
    assert "damaged" in _refused(path)
    more = [["姓名", "身份证号码"]] + [[f"居民{n}", f"64010419460408{n:04d}"] for n in range(3000)]
    broken = _with_broken_deflate(_workbook(tmp_path / "broken.xlsx", more), "xl/worksheets/sheet1.xml")
    assert "damaged" in _refused(broken)  # not CRC but the deflate stream itself
    # Big, but cannot be cut: inflated by the guard after all before calamine parses it whole.
    monkeypatch.setattr(parts, "_copy_rows", lambda *args: ([], []))
    inflated, check_member = [], guard._check_member
    monkeypatch.setattr(guard, "_check_member", lambda path, archive, member, whole=True: (
        inflated.append((member.filename, whole)), check_member(path, archive, member, whole))[1])
    assert "damaged" in _refused(path)
    assert ("xl/worksheets/sheet1.xml", False) in inflated and inflated[-1] == ("xl/worksheets/sheet1.xml", True)


def test_the_guard_inflates_everything_again_at_most_once(tmp_path, monkeypatch):
    """Small sheets before the big one are parsed whole, each after the guard's full pass: one
    pass for them all (it inflates the big sheet too)."""
    from app.excel import parts

    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    wb.active.append(["填表说明：每人一行"])
    wb.create_sheet("附表").append(["备注"])
    roster = wb.create_sheet("名单")
    roster.append(["姓名", "身份证号码"])
    for n in range(500):
        roster.append([f"居民{n}", f"64010419460408{n:04d}"])
    path = tmp_path / "sheets.xlsx"
    wb.save(path)
    monkeypatch.setattr(parts, "PARTS_FROM", 5_000)  # 名单 is cut, the others are not
    passes, real = [], reader.check_workbook
    monkeypatch.setattr(reader, "check_workbook", lambda *args: (passes.append(len(args)), real(*args))[1])
    table = open_table(path, FIELDS)
    assert table.sheet_name == "名单" and len(dict(table.rows())) == 500
    assert passes == [3, 2]  # the first pass leaving 名单 to the cutting, then one full pass
    table.close()


def test_doctype_and_entity_declarations_are_refused(tmp_path, marked):
    source = _roster(tmp_path)
    for name, prefix in [("entity.xlsx", b'<!ENTITY a "aaaaaaaaaa">'),
                         ("doctype.xlsx", b'<!DOCTYPE lol [<!ENTITY a "a">]>')]:
        path = _rewrite_member(source, tmp_path / name, "xl/worksheets/sheet1.xml", prefix)
        assert "DOCTYPE" in _refused(path)
    utf16 = _rewrite_member(source, tmp_path / "utf16.xlsx", "xl/workbook.xml", b"<!DOCTYPE x>", utf16=True)
    assert "DOCTYPE" in _refused(utf16)


def _rewrite_member(source, target, member, prefix, utf16=False):
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == member:
                body = data.split(b"?>", 1)[-1]  # drop the XML declaration, if any
                data = b'<?xml version="1.0" encoding="UTF-8"?>' + prefix + body
                if utf16:
                    data = data.decode("utf-8").replace("UTF-8", "UTF-16").encode("utf-16")
            new.writestr(info.filename, data)
    return target


def test_password_protected_workbook_is_refused(tmp_path, marked):
    # Excel saves a password-protected xlsx as an OLE2 container whose directory holds an
    # "EncryptionInfo" stream. The guard recognises that by sniffing for the directory entry name
    # (UTF-16LE, NUL-terminated, on a 128-byte boundary), so minimal bytes are enough here: the OLE
    # magic, a header sector, and one directory entry.
    entry = "EncryptionInfo\0".encode("utf-16-le").ljust(128, b"\0")
    path = tmp_path / "locked.xlsx"
    path.write_bytes(guard.OLE_MAGIC.ljust(512, b"\0") + entry + bytes(384))
    assert "password" in _refused(path)


def test_ole_file_that_is_not_a_workbook_is_damaged(tmp_path, marked):
    path = tmp_path / "old.xls"
    path.write_bytes(guard.OLE_MAGIC.ljust(1024, b"\0"))
    assert "damaged" in _refused(path)


def test_corrupt_zip_and_zip_without_a_workbook_are_refused(tmp_path, marked):
    data = _roster(tmp_path).read_bytes()
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(data[: len(data) // 2])
    assert "damaged" in _refused(truncated)

    document = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(document, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    assert "not an Excel workbook" in _refused(document)
