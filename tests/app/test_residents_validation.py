"""ID numbers, phones, dates, masking and room addresses — the pure building blocks of the roster."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from app import i18n
from app.residents.address import RoomAddress, format_room, format_room_short, parse_room
from app.residents.dates import (
    DateFormatError,
    age_on,
    excel_serial_to_date,
    format_date,
    format_date_cn,
    parse_date,
    parse_year_month,
)
from app.residents.idcard import check_id, id_check_char, id_fragment_digits, normalize_id
from app.residents.masking import mask_id, mask_phone
from app.residents.phones import check_phone, normalize_phone, phone_digits, split_phones

SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "data" / "sample_roster.xlsx"  # shared/ sits beside the checkout
TODAY = date(2026, 11, 27)


@pytest.fixture(autouse=True)
def english():
    """Assert on the English source strings, whatever the zh_CN catalog holds."""
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def make_id(region: str, birth: str, sequence: str) -> str:
    """An ID with its check character computed here, independently of app.residents.idcard."""
    body = region + birth + sequence
    weights = [2 ** (17 - i) % 11 for i in range(17)]  # the GB 11643 weights, derived
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11]


# A man and a woman from 银川市金凤区 (640106), computed with the checksum.
MAN = make_id("640106", "19500305", "123")
WOMAN = make_id("640106", "19881012", "204")


# ---------------------------------------------------------------- 公民身份号码


def test_weights_and_the_standard_example():
    assert [2 ** (17 - i) % 11 for i in range(17)] == [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    assert id_check_char("11010519491231002") == "X"
    check = check_id("11010519491231002X", today=TODAY)
    assert check.ok and check.birth_date == date(1949, 12, 31) and check.sex == "女"


def test_valid_ids_give_birth_date_and_sex():
    man, woman = check_id(MAN, today=TODAY), check_id(WOMAN, today=TODAY)
    assert man.ok and man.normalized == MAN and man.birth_date == date(1950, 3, 5) and man.sex == "男"
    assert woman.ok and woman.birth_date == date(1988, 10, 12) and woman.sex == "女"


@pytest.mark.parametrize("typed", [
    " 11010519491231002x ",
    "11010519491231002x",
    "１１０１０５１９４９１２３１００２Ｘ",
    "\u3000110105 19491231 002X\u3000",
    "'11010519491231002X",
    "11010519491231002×",
])
def test_typing_accidents_are_normalised(typed):
    assert normalize_id(typed) == "11010519491231002X"
    assert check_id(typed, today=TODAY).ok


def test_wrong_check_character_names_the_right_one():
    wrong = MAN[:17] + ("0" if MAN[17] != "0" else "1")
    check = check_id(wrong, today=TODAY)
    assert check.error == f"ID number: the check character is wrong, it should be {MAN[17]}"
    assert check.birth_date is None and check.sex is None


@pytest.mark.parametrize("length", [17, 19, 16])
def test_wrong_length_gives_the_count(length):
    raw = (MAN[:17] + "01")[:length]
    assert check_id(raw, today=TODAY).error == f"ID number must have 18 characters; this one has {length}"


def test_old_fifteen_digit_form_is_named():
    for raw in ("640106500305123", 640106500305123, 640106500305123.0):
        assert "old 15-digit form" in check_id(raw, today=TODAY).error


def test_non_digit_characters_are_listed():
    assert check_id("6401061950O305123A", today=TODAY).error == (
        "ID number may contain only digits and a final X; found: OA"
    )
    assert "found: X" in check_id("64010619500X051234", today=TODAY).error
    assert "found: 张三" in check_id("张三", today=TODAY).error
    assert check_id("", today=TODAY).error == "ID number is empty"
    assert check_id(None, today=TODAY).error == "ID number is empty"


@pytest.mark.parametrize("birth", ["19500230", "19501301", "19000229", "17990101"])
def test_birth_date_must_be_real(birth):
    error = check_id(make_id("640106", birth, "123"), today=TODAY).error
    assert error == f"ID number: the birth date {birth} in it is not a real date"


def test_leap_day_birth_is_real():
    check = check_id(make_id("640106", "20000229", "122"), today=TODAY)
    assert check.ok and check.birth_date == date(2000, 2, 29) and check.sex == "女"


def test_birth_date_in_the_future():
    error = check_id(make_id("640106", "20261128", "123"), today=TODAY).error
    assert error == "ID number: the birth date 2026-11-28 in it is in the future"
    assert check_id(make_id("640106", "20261127", "123"), today=TODAY).ok  # born today


@pytest.mark.parametrize("raw", [
    6.40104e17, 6.40106195003051e17, 640106195003051234, "6.40104E+17", "6.40104e17",
    "6.40106195003051E+17", "６.40104E+17", "640106195003051234.0",
])
def test_number_stored_by_excel_lost_digits(raw):
    error = check_id(raw, today=TODAY).error
    assert error.startswith("ID number was stored by Excel as a number and has lost its last digits")
    assert "format the column as text" in error


def test_id_fragment_digits_for_search():
    assert id_fragment_digits("293x") == "293X"
    assert id_fragment_digits(" ６４０１ 06") == "640106"
    assert id_fragment_digits("张三") == ""


# ---------------------------------------------------------------- 联系电话


@pytest.mark.parametrize("raw, normalized, kind", [
    ("13912341031", "13912341031", "mobile"),
    ("139 1234 1031", "13912341031", "mobile"),
    ("139-1234-1031", "13912341031", "mobile"),
    ("+86 139 1234 1031", "13912341031", "mobile"),
    ("+86-13912341031", "13912341031", "mobile"),
    ("0086 13912341031", "13912341031", "mobile"),
    ("8613912341031", "13912341031", "mobile"),
    ("１３９１２３４１０３１", "13912341031", "mobile"),
    (13912341031, "13912341031", "mobile"),
    (13912341031.0, "13912341031", "mobile"),
    ("0951-5012345", "0951-5012345", "landline"),
    ("0951 5012345", "0951-5012345", "landline"),
    ("(0951)5012345", "0951-5012345", "landline"),
    ("（0951）5012345", "0951-5012345", "landline"),
    ("09515012345", "0951-5012345", "landline"),
    ("+86 951 5012345", "0951-5012345", "landline"),
    ("010-62345678", "010-62345678", "landline"),
    ("02087654321", "020-87654321", "landline"),
    (9515012345, "0951-5012345", "landline"),  # Excel dropped the leading 0 of a number
])
def test_phone_forms(raw, normalized, kind):
    check = check_phone(raw)
    assert check.ok and check.warning is None, check
    assert (check.normalized, check.kind) == (normalized, kind)
    assert normalize_phone(raw) == normalized


def test_local_number_without_area_code():
    check = check_phone("5012345")
    assert check.ok and check.kind == "landline" and check.normalized == "5012345"
    assert check.warning == "Landline number 5012345 has no area code"
    with_area = check_phone("501 2345", default_area_code="0951")
    assert with_area.ok and with_area.warning is None and with_area.normalized == "0951-5012345"


@pytest.mark.parametrize("raw, error", [
    ("1391234103", "Mobile number 1391234103 has 10 digits; it should have 11"),
    ("139123410311", "Mobile number 139123410311 has 12 digits; it should have 11"),
    ("12912341031", "Mobile number 12912341031 should start with 13 to 19"),
    ("0951-50123", "Landline number 095150123: after the area code there should be 7 or 8 digits"),
    ("0951-0123456", "Landline number 09510123456: after the area code there should be 7 or 8 digits"),
    ("0951-5012345转801", "Phone number 0951-5012345转801 contains characters other than digits"),
    ("无", "Phone number 无 contains characters other than digits"),
    ("12345", "Mobile number 12345 has 5 digits; it should have 11"),
    ("23456", "Phone number 23456 is neither a mobile number (11 digits starting with 13 to 19) "
              "nor a landline (area code and 7 to 8 digits)"),
    ("", "Phone number is empty"),
    (None, "Phone number is empty"),
])
def test_bad_phones(raw, error):
    assert check_phone(raw).error == error


@pytest.mark.parametrize("cell, phones", [
    ("13912341031、0951-5012345", ["13912341031", "0951-5012345"]),
    ("13912341031,13812345678", ["13912341031", "13812345678"]),
    ("13912341031，13812345678；0951 5012345", ["13912341031", "13812345678", "0951 5012345"]),
    ("13912341031/13812345678", ["13912341031", "13812345678"]),
    ("13912341031 13812345678", ["13912341031", "13812345678"]),
    ("139 1234 1031 138 1234 5678", ["139 1234 1031", "138 1234 5678"]),
    ("194 0558 2123", ["194 0558 2123"]),
    ("0951 501 2345", ["0951 501 2345"]),
    ("13912341031\n0951-5012345", ["13912341031", "0951-5012345"]),
    ("", []),
    (None, []),
    (13912341031, ["13912341031"]),
])
def test_split_phones(cell, phones):
    assert split_phones(cell) == phones
    assert all(check_phone(p).ok for p in phones)


def test_phone_digits():
    assert phone_digits("0951-5012345") == "09515012345"
    assert phone_digits("１３９ 1234") == "1391234"
    assert phone_digits(None) == ""


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize("raw", [
    date(1950, 3, 5), datetime(1950, 3, 5, 14, 30), 18327, 18327.0, 18327.625,
    "1950.3.5", "1950.03.05", "1950/03/05", "1950/3/5", "1950-3-5", "1950-03-05", "1950年3月5日",
    "1950年03月05日", "19500305", 19500305, "１９５０年３月５日", "１９５０．３．５", " 1950 年 3 月 5 日 ",
    "1950-03-05 00:00:00", "1950/3/5 0:00", "1950-03-05T00:00:00",
])
def test_date_forms(raw):
    assert parse_date(raw) == date(1950, 3, 5)


def test_excel_serials_in_the_1900_system():
    assert excel_serial_to_date(18327) == date(1950, 3, 5)
    assert excel_serial_to_date(1) == date(1900, 1, 1)
    assert excel_serial_to_date(59) == date(1900, 2, 28)
    assert excel_serial_to_date(61) == date(1900, 3, 1)  # after Excel's phantom 1900-02-29
    assert excel_serial_to_date(46353) == date(2026, 11, 27)
    with pytest.raises(DateFormatError):
        excel_serial_to_date(60)


@pytest.mark.parametrize("raw", ["1950-02-30", "1950.2.30", "1950年13月1日", "19500230", 19500230, "1951-02-29"])
def test_impossible_dates(raw):
    with pytest.raises(DateFormatError) as caught:
        parse_date(raw)
    assert caught.value.message.endswith("does not exist")
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("raw", ["50.3.5", "05/03/1950", "三月五日", "abc", True, -5, 99999999999, 500])
def test_unknown_date_forms(raw):
    with pytest.raises(DateFormatError) as caught:
        parse_date(raw)
    assert "is not in a form we can read; write it like 1950-03-05" in caught.value.message


@pytest.mark.parametrize("raw", ["1971.11", "1971年11月", "1971-11", "197111", "1971", 1971, 1971.11])
def test_year_month_only_is_incomplete(raw):
    with pytest.raises(DateFormatError) as caught:
        parse_date(raw)
    assert "is incomplete: the month or day is missing" in caught.value.message


@pytest.mark.parametrize("raw, expected", [
    ("1971.11", (1971, 11)), ("1971年11月", (1971, 11)), ("1971-11", (1971, 11)), ("197111", (1971, 11)),
    ("2008.7", (2008, 7)), (1971.11, (1971, 11)), (1945.9, (1945, 9)), ("1950.3.5", (1950, 3)),
    (18327, (1950, 3)),
])
def test_parse_year_month(raw, expected):
    assert parse_year_month(raw) == expected


def test_year_month_number_with_a_lost_zero_is_ambiguous():
    with pytest.raises(DateFormatError) as caught:
        parse_year_month(1971.1)  # typed 1971.10 or 1971.1 — Excel keeps neither apart
    assert "January and October look the same" in caught.value.message
    with pytest.raises(DateFormatError):
        parse_year_month("1971.13")
    with pytest.raises(DateFormatError):
        parse_year_month("1971")


def test_empty_date():
    for raw in ("", None, "   "):
        with pytest.raises(DateFormatError) as caught:
            parse_date(raw)
        assert caught.value.message == "Date is empty"


def test_format_and_age():
    assert format_date(date(2026, 11, 27)) == "2026-11-27"
    assert format_date_cn(date(2026, 11, 27)) == "2026年11月27日"
    assert format_date(None) == format_date_cn(None) == ""
    assert age_on(date(1950, 3, 5), date(2026, 3, 4)) == 75
    assert age_on(date(1950, 3, 5), date(2026, 3, 5)) == 76
    assert age_on(date(2000, 2, 29), date(2026, 2, 28)) == 25
    assert age_on(date(2000, 2, 29), date(2026, 3, 1)) == 26
    assert age_on(date(2000, 2, 29), date(2028, 2, 29)) == 28


# ---------------------------------------------------------------- masking


def test_mask_id():
    assert mask_id("640104195003051234") == "640104********1234"
    assert mask_id(" 64010419551023293x ") == "640104********293X"
    assert mask_id(MAN) == MAN[:6] + "********" + MAN[-4:]
    assert mask_id("640106500305123") == "640106*****5123"
    assert mask_id("1234") == "****"
    assert mask_id("") == mask_id(None) == ""


def test_mask_phone():
    assert mask_phone("13912341031") == "139****1031"
    assert mask_phone("139 1234 1031") == "139****1031"
    assert mask_phone(13912341031) == "139****1031"
    assert mask_phone("0951-5012345") == "0951-****345"
    assert mask_phone("010-62345678") == "010-****5678"
    assert mask_phone("5012345") == "****345"
    assert mask_phone("12345") == "***45"
    assert mask_phone("12") == "*2"
    assert mask_phone("") == mask_phone(None) == ""
    assert "1234" not in mask_phone("1391234103")


# ---------------------------------------------------------------- rooms


@pytest.mark.parametrize("raw, expected", [
    ("3-2-401", RoomAddress("3", "2", "401")),
    ("3号楼2单元401室", RoomAddress("3", "2", "401")),
    ("3栋2单元401", RoomAddress("3", "2", "401")),
    ("3幢2单元401", RoomAddress("3", "2", "401")),
    ("3号2单元401", RoomAddress("3", "2", "401")),
    ("3#2单元401", RoomAddress("3", "2", "401")),
    ("3-2-401室", RoomAddress("3", "2", "401")),
    ("三号楼二单元401室", RoomAddress("3", "2", "401")),
    ("12号楼十二单元1101室", RoomAddress("12", "12", "1101")),
    ("１２号楼３单元６０２室", RoomAddress("12", "3", "602")),
    ("安居苑3号楼2单元401室", RoomAddress("3", "2", "401", "安居苑")),
    ("安居苑 3号楼 2单元 401室", RoomAddress("3", "2", "401", "安居苑")),
    ("湖畔嘉苑12-3-602", RoomAddress("12", "3", "602", "湖畔嘉苑")),
    ("银啤苑B栋1单元202", RoomAddress("B", "1", "202", "银啤苑")),
    ("幸福路12号院3号楼2单元401室", RoomAddress("3", "2", "401", "幸福路12号院")),
    ("5号楼301室", RoomAddress("5", "", "301")),
    ("5-301", RoomAddress("5", "", "301")),
    ("3号楼2单元", RoomAddress("3", "2", "")),
    ("3-2", RoomAddress("3", "2", "")),
])
def test_parse_room(raw, expected):
    assert parse_room(raw) == expected


@pytest.mark.parametrize("raw", ["安居苑", "13912341031", "0951-5012345", "139-1234-1031", "1950-3-5", "", None])
def test_not_a_room(raw):
    assert parse_room(raw) is None


def test_format_room():
    room = RoomAddress("3", "2", "401", "安居苑")
    assert format_room(room) == "安居苑3号楼2单元401室"
    assert format_room(room, with_compound=False) == "3号楼2单元401室"
    assert format_room_short(room) == room.short() == "3-2-401"
    assert format_room(RoomAddress("A", "1", "302")) == "A座1单元302室"
    no_unit = RoomAddress("5", "", "301")
    assert (format_room(no_unit), format_room_short(no_unit)) == ("5号楼301室", "5-301")
    assert parse_room(format_room_short(no_unit)) == no_unit
    assert parse_room(format_room(room)) == room


# ---------------------------------------------------------------- the sample roster


def _sample_rows():
    calamine = pytest.importorskip("python_calamine")
    if not SAMPLE.exists():
        pytest.skip("sample roster not available")
    expected = json.loads(SAMPLE.with_name("sample_roster.expected.json").read_text(encoding="utf-8"))
    sheet = calamine.CalamineWorkbook.from_path(str(SAMPLE)).get_sheet_by_index(0)
    rows = sheet.to_python(skip_empty_area=False)
    header = rows[expected["header_row"] - 1]
    id_column = next(i for i, title in enumerate(header) if title in ("身份证号", "身份证号码", "公民身份号码"))
    return [(row, rows[row["excel_row"] - 1][id_column]) for row in expected["rows"]]


def test_sample_roster_id_verdicts():
    rows = _sample_rows()
    seen = set()
    for row, cell in rows:
        check = check_id(cell, today=TODAY)
        verdict, where = row["verdict"], f"row {row['excel_row']} {row['name']}: {cell!r}"
        seen.add(verdict)
        if verdict in ("valid", "valid after trimming / upper-casing") or verdict.startswith("duplicate"):
            assert check.ok, where
            assert check.normalized == row["id"], where
            assert (cell != check.normalized) == (verdict != "valid" and not verdict.startswith("duplicate")), where
        elif verdict == "bad check character":
            assert check.error == f"ID number: the check character is wrong, it should be {row['id'][-1]}", where
            assert check_id(row["id"], today=TODAY).ok  # the expected file holds the corrected number
        elif verdict == "ID stored as a number: digits lost":
            assert isinstance(cell, float), where
            assert check.error.startswith("ID number was stored by Excel as a number"), where
        else:
            pytest.fail(f"unexpected verdict {verdict!r}")
    assert {"valid", "bad check character", "ID stored as a number: digits lost"} <= seen


def test_sample_roster_birth_and_sex_columns_agree_with_the_ids():
    """The derived birth date and sex match the roster's own 性别 / 出生年月 where both are present."""
    for row, cell in _sample_rows():
        check = check_id(cell, today=TODAY)
        if not check.ok:
            continue
        sheet_row = _sheet_row(row["excel_row"])
        sex, birth = sheet_row[1], sheet_row[3]
        if sex:
            assert check.sex == sex, row
        if birth:
            assert parse_year_month(birth) == (check.birth_date.year, check.birth_date.month), row


def _sheet_row(excel_row: int):
    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_path(str(SAMPLE)).get_sheet_by_index(0).to_python(skip_empty_area=False)[excel_row - 1]


def test_the_one_match_for_common_addresses_reads_them_as_the_general_rules_do():
    """parse_room reads 银啤苑173号楼3单元602室 in one match; near misses (a compound ending in a
    numeral or letter, full-width digits, spaces, 0 or 4-digit buildings) go the general way."""
    import random

    from app.residents.address import _parse_room

    rng = random.Random(1127)
    pieces = ["银啤苑", "望京一", "三里河", "城南一区", "A", "B座", "十里铺", "#", "-", "号", "7", "Ａ", "楼", "二", "十", " "]
    for _ in range(20_000):
        text = ("".join(rng.choice(pieces) for _ in range(rng.randrange(0, 3)))
                + rng.choice(["", str(rng.randrange(1, 1200)), "0", "一", "１２"]) + "号楼"
                + rng.choice(["", str(rng.randrange(0, 15))]) + "单元"
                + rng.choice(["", str(rng.randrange(0, 100_000))]) + rng.choice(["室", "", " 室", "室室"]))
        assert parse_room(text) == _parse_room(text), text
    assert parse_room("银啤苑173号楼3单元602室") == RoomAddress("173", "3", "602", "银啤苑")
