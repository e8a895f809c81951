"""The importer's row checks give the verdicts of the form's rules (validation.clean, check_id),
only faster; and the roster-only forms (出生年月, separate 楼栋/单元/室, 特殊人群) are read right."""

from __future__ import annotations

import os
import random
from datetime import date, datetime

import pytest

from app import i18n
from app.errors import ValidationError
from app.residents import importer
from app.residents.address import RoomAddress
from app.residents.idcard import check_id, id_check_char
from app.residents.importer_rows import RowChecker, cell_text, fast_id_check, given_keys, parse_place
from app.residents.roster_columns import format_tags, parse_tags
from app.residents.validation import clean

TODAY = date(2026, 11, 27)
TAGS = {"独居老人": 1, "低保户": 3, "残疾人": 5}


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")


def make_id(region: str, birth: str, sequence: str) -> str:
    body = region + birth + sequence
    return body + id_check_char(body)


def id_samples() -> list:
    rng = random.Random(7)
    samples = []
    for _ in range(3000):
        born = date(1900, 1, 1).toordinal() + rng.randrange(46000)
        valid = make_id("640106", date.fromordinal(born).strftime("%Y%m%d"), f"{rng.randrange(1000):03d}")
        wrong = valid[:17] + "10X98765432"[(("10X98765432".index(valid[17]) + 1) % 11)]
        samples += [valid, wrong, valid.lower(), f" {valid} ", valid[:10] + "13" + valid[12:]]
    samples += [make_id("640106", "18491231", "001"), make_id("640106", "20270101", "001"),
                make_id("640106", "20000230", "001"), "64010619500305123", "640106500305123",
                6.40106195003051e17, 640106195003051, "64010619500X051234", "", "６４０１０６１９５００３０５１２３Ｘ"]
    return samples


def test_fast_id_check_is_check_id():
    for raw in id_samples():
        assert fast_id_check(raw, TODAY) == check_id(raw, TODAY), raw
    births = {}
    for raw in id_samples()[:500]:
        assert fast_id_check(raw, TODAY, births) == check_id(raw, TODAY), raw


def records() -> list[dict]:
    man, woman = make_id("640106", "19500305", "123"), make_id("640106", "19881012", "204")
    base = {"name": "张秀兰", "id_number": man, "sex": "男", "birth_date": "1950.3.5", "phones": "13912341031",
            "address": "安居苑3号楼2单元401室", "marital_status": "已婚", "notes": "第一行\n第二行"}
    variants = [
        {}, {"sex": "女"}, {"birth_date": "1950-03-06"}, {"birth_date": datetime(1950, 3, 5)}, {"birth_date": 18327},
        {"birth_date": "1950.2.30"}, {"birth_date": "2099.1.1"}, {"birth_date": "abc"}, {"id_number": woman},
        {"id_number": man[:17] + "0" if man[17] != "0" else man[:17] + "1"}, {"phones": "1391234"},
        {"phones": "0951-5012345、13912341032"}, {"phones": "5012345"}, {"phones": 13912341031.0},
        {"address": "3-2-401"}, {"address": "平房区"}, {"address": None}, {"marital_status": "初婚"},
        {"name": ""}, {"name": "  王  五 "}, {"name": "𠮷" * 65}, {"sex": "男性"}, {"employer": "单位" * 60},
        {"id_number": None}, {"id_number": "６４０１０６１９５００３０５１２３" + man[17]}, {"grid": "第 一 网格"},
    ]
    return [{**base, **variant} for variant in variants]


def test_row_checker_agrees_with_the_form_rules():
    checker = RowChecker(TAGS, TODAY)
    for record in records():
        checked = checker.check(record)
        if record["id_number"] is None:  # the one rule of its own: an imported row needs its ID number
            assert checked.values is None and checked.errors == ["ID number is empty"]
            continue
        try:
            cleaned = clean(record, TODAY)
        except ValidationError as error:
            assert checked.values is None, (record, checked)
            assert set(checked.errors) == set(error.errors.values()), record
            continue
        assert checked.values is not None, (record, checked.errors)
        for key in ("name", "sex", "birth_date", "id_number", "phones", "marital_status", "notes", "grid"):
            assert checked.values.get(key) == cleaned.values.get(key), (key, record)
        assert checked.values.get("address") == cleaned.place
        assert sorted(checked.warnings) == sorted(cleaned.warnings.values()), record


def test_year_month_birth_and_id_birth():
    checker = RowChecker(TAGS, TODAY)
    record = {"name": "夏秀兰", "id_number": "640104197111217803", "birth_date": "1971.11"}
    checked = checker.check(record)
    assert checked.values["birth_date"] == date(1971, 11, 21) and not checked.warnings
    checked = checker.check({**record, "birth_date": "1971.10"})
    assert checked.values["birth_date"] == date(1971, 11, 21)
    assert checked.warnings == ["Birth month 1971-10 differs from the one in the ID number (1971-11-21)"]


def test_place_from_parts_and_address():
    assert parse_place(None, "安居苑", "3号楼", 2.0, 401.0) == (RoomAddress("3", "2", "401", "安居苑"), None)
    assert parse_place(None, None, "三栋", "二单元", "402室")[0] == RoomAddress("3", "2", "402")
    assert parse_place(None, None, "a", None, "302")[0] == RoomAddress("A", "", "302")
    assert parse_place("银啤苑5号楼301室", "安居苑", None, None, None)[0] == RoomAddress("5", "", "301", "银啤苑")
    assert parse_place(None, None, None, "2", "401")[1] == "Home address: the building (楼栋) is missing"
    assert parse_place(None, None, None, None, None) == (None, None)
    warned = RowChecker(TAGS, TODAY).check({"name": "甲", "id_number": make_id("640106", "19500305", "123"),
                                            "compound": "安居苑"})
    assert warned.warnings == ["Compound 安居苑 was left out: the row gives no building or room"]


def test_tags_status_and_given_keys():
    checker = RowChecker(TAGS, TODAY)
    man = make_id("640106", "19500305", "123")
    checked = checker.check({"name": "甲", "id_number": man, "tags": "独居老人, 残疾人(肢体 二级)；长寿星"})
    assert checked.values["tags"] == {1: None, 5: "肢体 二级"}
    assert checked.warnings == ["Special group 长寿星 is not one of the roster's tags and was left out"]
    assert "tags" not in checker.check({"name": "甲", "id_number": man, "tags": "无"}).values
    refused = checker.check({"name": "甲", "id_number": man, "status": "迁出"})
    assert refused.values is None and "迁出" in refused.errors[0]
    assert checker.check({"name": "甲", "id_number": man, "status": "在册"}).values["status"] == "active"
    assert given_keys(checker.check({"name": "甲", "id_number": man}).values) == {"name", "id_number", "sex", "birth_date"}


def test_tag_text_round_trip_and_cell_text():
    pairs = [("独居老人", None), ("残疾人", "肢体 二级")]
    assert format_tags(pairs) == "独居老人、残疾人（肢体 二级）"
    assert parse_tags(format_tags(pairs)) == pairs
    assert parse_tags("残疾人（肢体、二级）") == [("残疾人", "肢体、二级")]
    assert cell_text(401.0) == "401" and cell_text(datetime(1950, 3, 5)) == "1950-03-05"
    assert cell_text("  a \n b ") == "a b" and cell_text("") is None and cell_text(None) is None


def test_counts_assertion_guards_the_invariant():
    rows = importer._Sorted(data_rows=2)
    with pytest.raises(AssertionError):
        importer._counts(rows, imported=1)


def test_default_report_path(tmp_path):
    path = importer.default_report_path(tmp_path / "花名册.xlsx", tmp_path / "fallback")
    assert path.parent == tmp_path and path.name.startswith("花名册-import report-") and path.suffix == ".xlsx"
    locked = tmp_path / "ro"
    locked.mkdir()
    os.chmod(locked, 0o500)
    try:
        if not os.access(locked, os.W_OK):  # root may write anywhere
            assert importer.default_report_path(locked / "a.xlsx", tmp_path).parent == tmp_path
    finally:
        os.chmod(locked, 0o700)


def test_a_true_or_false_cell_is_not_taken_for_one_or_zero():
    """True == 1 and False == 0 in Python (and hash alike): values remembered per cell must not mix them."""
    keys = ["name", "id_number", "grid", "building"]
    man = make_id("640106", "19500305", "123")
    checker = RowChecker(TAGS, TODAY, keys=keys)
    first = checker.check({"name": "甲", "id_number": man, "grid": False, "building": None})
    second = checker.check({"name": "乙", "id_number": man, "grid": 0, "building": None})
    assert (first.values["grid"], second.values["grid"]) == ("False", "0")
    assert parse_place(None, None, 1, None, None)[0] == RoomAddress("1")
    place, error = parse_place(None, None, True, None, None)
    assert place is None and "not in a form we can read" in error
