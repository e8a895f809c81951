"""The import's column checks accept a row only when RowChecker would accept it as it stands, and
then give exactly RowChecker's values; BulkWriter.add_columns writes what BulkWriter.add writes."""

from __future__ import annotations

import random
from datetime import date, datetime

import pytest
from sqlalchemy import select

from app import i18n
from app.excel import ColumnChunk
from app.residents import service
from app.residents.idcard import id_check_char
from app.residents.importer_columns import ColumnChecker
from app.residents.importer_rows import RowChecker
from app.residents.roster_columns import FIELDS
from db.models import Household, Resident, ResidentTag, Room, Tag

TODAY = date(2026, 11, 27)
TAGS = {"独居老人": 1, "低保户": 3, "残疾人": 5}
KEYS = [f.key for f in FIELDS]


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")


def make_id(birth: str, sequence: str) -> str:
    body = "640106" + birth + sequence
    return body + id_check_char(body)


def messy_rows(count: int, seed: int = 3) -> list[dict]:
    """Mostly clean rows, each with a few cells from the awkward kinds real rosters hold."""
    rng = random.Random(seed)
    awkward = {
        "name": [None, "  王  五 ", "𠮷" * 65, 401.0, True, "欧阳 娜娜", "李\n四"],
        "sex": [None, "女", "男性", 1, "男"],
        "birth_date": [None, "1950.3.5", datetime(1950, 3, 5), 18327, "1950-03", "abc", date(2099, 1, 1), date(1950, 3, 6)],
        "id_number": [None, "64010619500305123", 6.40106195003051e17, "６４０１０６１９５００３０５１２３X",
                      make_id("19500305", "123").lower(), make_id("20270101", "001"), "640106********1234"],
        "phones": [None, "0951-5012345", "13912341031、13912341032", "1391234", 13912341031.0, "5012345", "139 1234 1031"],
        "address": [None, "3-2-401", "平房区", "安居苑3号楼2单元401室"],
        "compound": [None, "安居苑", "阅海"],
        "building": [None, "3", "3号楼", "A", 12.0],
        "unit": [None, "2", "二单元"],
        "room": [None, "401", 401.0, "401室"],
        "marital_status": [None, "已婚", "初婚", "丧偶"],
        "residence_status": [None, "人在户在", "人户分离"],
        "ethnicity": [None, "汉族", "回族", 1, "汉 族"],
        "household_number": [None, "FT0001", 1203.0, "FT 0002"],
        "relation_to_head": [None, "户主", "配偶", "子"],
        "tags": [None, "独居老人", "低保户、残疾人（肢体 二级）", "空巢老人", "无", "残疾人（" + "很" * 70 + "）"],
        "status": [None, "在册", "迁出", "active"],
        "notes": [None, "第一行\n第二行", "x" * 2001, "好"],
        "employer": [None, "单位" * 60, "退休", "  宁夏  大学 "],
        "registered_address": [None, "宁夏银川市金凤区阅海31号楼", "银川 市"],
    }
    rows = []
    for index in range(count):
        born = date(1930, 1, 1).toordinal() + rng.randrange(30000)
        birth = date.fromordinal(born)
        number = make_id(birth.strftime("%Y%m%d"), f"{index % 1000:03d}")
        row = {key: None for key in KEYS}
        row.update({"name": rng.choice(["张秀兰", "王五", "单田芳", "曾国藩"]), "id_number": number,
                    "sex": "男" if int(number[16]) % 2 else "女", "birth_date": birth if rng.random() < 0.5 else None,
                    "phones": f"139{rng.randrange(10**8):08d}", "compound": "安居苑", "building": str(rng.randrange(1, 40)),
                    "unit": str(rng.randrange(1, 5)), "room": str(rng.choice([101, 201, 401, 502])),
                    "ethnicity": "汉族", "marital_status": "已婚", "household_number": f"FT{index // 3:04d}",
                    "relation_to_head": "户主" if index % 3 == 0 else "子女", "tags": "独居老人" if index % 7 == 0 else None})
        for key in rng.sample(sorted(awkward), rng.choice([0, 0, 0, 1, 1, 2])):
            row[key] = rng.choice(awkward[key])
        rows.append(row)
    return rows


def chunk_of(rows: list[dict], keys: list[str]) -> ColumnChunk:
    return ColumnChunk(list(range(3, 3 + len(rows))), {key: [row[key] for row in rows] for key in keys})


@pytest.mark.parametrize("keys", [KEYS, ["name", "id_number", "phones", "address", "tags"],
                                  ["name", "id_number", "birth_date", "building", "room", "household_number"]])
def test_column_checks_accept_only_what_row_checks_accept_and_give_the_same_values(keys):
    rows = [{key: row[key] for key in keys} for row in messy_rows(1500)]
    row_checker = RowChecker(TAGS, TODAY, keys=keys)
    checked = ColumnChecker(RowChecker(TAGS, TODAY, keys=keys), keys).check(chunk_of(rows, keys))
    unusual = set(checked.unusual)
    assert 0 < len(unusual) < len(rows)  # the sample holds both kinds
    for index, row in enumerate(rows):
        verdict = row_checker.check(row)
        if index in unusual:
            continue
        assert verdict.errors == [] and verdict.warnings == [], (row, verdict)
        assert checked.row_values(index) == verdict.values, row
    flagged = [i for i, row in enumerate(rows) if (v := row_checker.check(row)).errors or v.warnings]
    assert set(flagged) <= unusual


def test_a_chunk_checked_twice_gives_the_same_verdicts():
    """Values seen in one chunk are remembered for the next: the verdicts must not change."""
    rows = messy_rows(800, seed=11)
    checker = ColumnChecker(RowChecker(TAGS, TODAY, keys=KEYS), KEYS)
    first, second = checker.check(chunk_of(rows, KEYS)), checker.check(chunk_of(rows, KEYS))
    assert first.unusual == second.unusual
    assert all(first.row_values(i) == second.row_values(i) for i in range(len(rows)) if i not in set(first.unusual))


@pytest.mark.parametrize("odd_one, refused", [(None, False), ("13912345678\x0013912345679", True),
                                              ("0951-0123456", True), ("13912341031、13912341031", False)])
def test_a_column_of_stored_phones_checks_as_each_cell_would(odd_one, refused):
    """Mobiles and landlines as Wufu stores them (several to a cell) pass as a column, with the
    values the row check gives; a cell that only looks like two (a NUL inside, which calamine reads
    from _x0000_) or a landline that is none is refused by the row check, and a number given twice
    is stored once."""
    keys = ["name", "id_number", "phones"]
    phones = ["13912341031", "13912341031、0951-5012345", "010-23456789", "0951-5012345、13800001111", None]
    if odd_one is not None:
        phones.append(odd_one)
    rows = [{"name": "甲", "id_number": make_id("19500305", f"{i:03d}"), "phones": phone} for i, phone in enumerate(phones)]
    checked = ColumnChecker(RowChecker(TAGS, TODAY, keys=keys), keys).check(chunk_of(rows, keys))
    row_checker = RowChecker(TAGS, TODAY, keys=keys)
    verdicts = [row_checker.check(row) for row in rows]
    assert checked.unusual == ([len(phones) - 1] if refused else [])
    for index, verdict in enumerate(verdicts):
        if index not in checked.unusual:
            assert verdict.errors == [] and checked.row_values(index) == verdict.values
    assert bool(verdicts[-1].errors) == refused
    if odd_one == "13912341031、13912341031":
        assert checked.values["phones"][-1] == "13912341031"


def test_true_is_not_taken_for_one():
    """True == 1 in Python; a TRUE cell must not borrow the verdict of a 1 cell (or the other way round)."""
    keys = ["name", "id_number", "ethnicity"]
    rows = [{"name": "甲", "id_number": make_id("19500305", "123"), "ethnicity": 1},
            {"name": "乙", "id_number": make_id("19600305", "123"), "ethnicity": True}]
    checked = ColumnChecker(RowChecker(TAGS, TODAY, keys=keys), keys).check(chunk_of(rows, keys))
    assert checked.unusual == [1] and checked.values["ethnicity"][0] == "1"


def _written(session) -> list[tuple]:
    residents = session.execute(select(Resident.name, Resident.id_number, Resident.sex, Resident.birth_date,
                                       Resident.phones, Resident.household_id, Resident.room_id, Resident.search_text,
                                       Resident.name_pinyin, Resident.address_key, Resident.phone_digits,
                                       Resident.relation_to_head, Resident.status).order_by(Resident.id)).all()
    households = session.execute(select(Household.number, Household.head_id, Household.room_id)).all()
    rooms = session.execute(select(Room.building_id, Room.unit, Room.room)).all()
    tags = session.execute(select(ResidentTag.resident_id, ResidentTag.tag_id, ResidentTag.detail)).all()
    return [tuple(r) for r in residents] + [tuple(h) for h in households] + [tuple(r) for r in rooms] + sorted(tags)


def test_add_columns_writes_what_add_writes(tmp_path):
    from app.database import Database

    with Database.open(tmp_path / "tags.db").reading() as session:
        tag_ids = dict(session.execute(select(Tag.name, Tag.id)).all())
    rows = messy_rows(600, seed=5)
    checker = RowChecker(tag_ids, TODAY, keys=KEYS)
    values = [v for v in (checker.check(row).values for row in rows) if v is not None]
    seen, unique = set(), []
    for value in values:  # one resident per ID number, as the importer leaves them
        if value["id_number"] not in seen:
            seen.add(value["id_number"])
            unique.append(value)
    written = []
    for name, by_column in (("rows", False), ("columns", True)):
        db = Database.open(tmp_path / f"{name}.db")
        with db.unit_of_work() as session:
            writer = service.BulkWriter(session)
            if by_column:
                columns = {key: [value.get(key) for value in unique] for key in {k for v in unique for k in v}}
                writer.add_columns(columns, len(unique))
            else:
                writer.add(unique)
            writer.finish()
        with db.reading() as session:
            written.append(_written(session))
        db.close()
    assert written[0] == written[1] and len(written[0]) > len(unique)
