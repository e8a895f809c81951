"""The roster service on a real SQLite file: writes, validation, audit, search, filters, sorting."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app import i18n
from app.errors import UserError, ValidationError
from app.residents import service
from app.residents.address import RoomAddress
from app.residents.service import ResidentQuery
from app.residents.validation import DuplicateResident
from db.models import AuditLog, Household, Resident


def make_id(region: str, birth: str, sequence: str) -> str:
    """An ID with its check character computed here, independently of app.residents.idcard."""
    body = region + birth + sequence
    weights = [2 ** (17 - i) % 11 for i in range(17)]
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11]


ZHANG = make_id("640106", "19500305", "102")  # a woman
SHAN = make_id("640106", "19850601", "204")
ZENG = make_id("640106", "19400115", "311")  # a man
XIE = make_id("640106", "20150701", "015")
JI = make_id("640106", "19750808", "051")


@pytest.fixture(autouse=True)
def english():
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def tag_ids(db) -> dict[str, int]:
    return {t.name: t.id for t in service.tags(db)}


@pytest.fixture
def people(tmp_db):
    tags = tag_ids(tmp_db)
    add = lambda **data: service.create(tmp_db, data)  # noqa: E731
    return {
        "张秀兰": add(name="张秀兰", id_number=ZHANG, phones="13912341031", address="安居苑3号楼2单元401室",
                   household_number="FT0001", relation_to_head="户主", political_status="中共党员",
                   residence_status="人在户在", tags={tags["独居老人"]: None}),
        "单丽": add(name="单丽", id_number=SHAN.lower(), phones="0951-5012345", address="3-2-401", compound="安居苑",
                  household_number="FT0001", relation_to_head="女", residence_status="人在户不在", political_status="群众"),
        "曾国强": add(name="曾国强", id_number=ZENG, phones=["138 0000 1111", "+86 13700002222"], address="银啤苑13-2-401",
                   political_status="群众", residence_status="人在户在", tags={tags["残疾人"]: "肢体 二级"}),
        "解小明": add(name="解小明", id_number=XIE, address="阅海5号楼1单元302室", relation_to_head="户主",
                   household_number="FT0003", residence_status="户在人不在"),
        "𠮷祥": add(name="𠮷祥", id_number=JI, phones="18612345678", address="湖畔嘉苑1-1-101"),
    }


def names(db, query: ResidentQuery) -> list[str]:
    return [row.name for row in service.load_rows(db, service.query_ids(db, query))]


def audit_rows(db, row_id=None):
    with db.reading() as session:
        statement = select(AuditLog).where(AuditLog.table_name == "residents").order_by(AuditLog.id)
        if row_id is not None:
            statement = statement.where(AuditLog.row_id == row_id)
        return session.scalars(statement).all()


# ---------------------------------------------------------------- writing, detail, audit


def test_create_and_detail(tmp_db, people):
    detail = service.get_detail(tmp_db, people["张秀兰"])
    assert (detail.name, detail.sex, detail.birth_date) == ("张秀兰", "女", date(1950, 3, 5))  # from the ID
    assert detail.id_masked == ZHANG[:6] + "********" + ZHANG[-4:] and detail.has_id_number
    assert detail.phones_masked == ("139****1031",)
    assert (detail.compound, detail.building, detail.unit, detail.room) == ("安居苑", "3", "2", "401")
    assert detail.address == "安居苑3号楼2单元401室" and detail.household_number == "FT0001"
    assert [(m.name, m.relation_to_head) for m in detail.members] == [("单丽", "女")]
    assert [(t.name, t.sensitive) for t in detail.tags] == [("独居老人", False)]
    assert detail.warnings == {}
    shan = service.get_detail(tmp_db, people["单丽"])
    assert shan.room_id == detail.room_id  # the same room, typed two ways
    assert shan.phones_masked == ("0951-****345",)
    zeng = service.get_detail(tmp_db, people["曾国强"])
    assert zeng.phones_masked == ("138****1111", "137****2222")
    assert [(t.name, t.detail) for t in zeng.tags] == [("残疾人", "肢体 二级")]
    with tmp_db.reading() as session:
        household = session.scalar(select(Household).where(Household.number == "FT0001"))
        assert household.head_id == people["张秀兰"]
        assert session.get(Resident, people["𠮷祥"]).name == "𠮷祥"  # outside the BMP, unchanged
    assert service.get_detail(tmp_db, 999_999) is None


def test_writes_are_audited_with_actor_and_old_and_new_values(tmp_db, people):
    person = people["张秀兰"]
    service.update(tmp_db, person, {"phones": "13912349999", "notes": "腿脚不便"}, actor="王主任")
    service.remove(tmp_db, person, actor="李干事")
    service.restore(tmp_db, person, actor="王主任")
    rows = audit_rows(tmp_db, person)
    assert [r.action for r in rows][:1] == ["insert"] and rows[0].actor == "测试员"
    update = next(r for r in rows if r.action == "update" and "phones" in json.loads(r.changes))
    changes = json.loads(update.changes)
    assert update.actor == "王主任" and changes["phones"] == ["13912341031", "13912349999"]
    assert changes["notes"] == [None, "腿脚不便"]
    assert "phone_digits" not in changes and "search_text" not in changes  # derived, not audited
    removed = next(r for r in rows if r.action == "remove")
    assert removed.actor == "李干事" and json.loads(removed.changes)["removed_by"] == [None, "李干事"]
    assert [r.action for r in rows][-1] == "restore"


def test_tag_changes_are_audited_on_the_resident(tmp_db, people):
    tags = tag_ids(tmp_db)
    service.update(tmp_db, people["张秀兰"], {"tags": {tags["低保户"]: None, tags["残疾人"]: "视力 一级"}})
    detail = service.get_detail(tmp_db, people["张秀兰"])
    assert [(t.name, t.detail) for t in detail.tags] == [("低保户", ""), ("残疾人", "视力 一级")]
    entry = json.loads(audit_rows(tmp_db, people["张秀兰"])[-1].changes)
    assert entry == {"tags": [["独居老人"], ["低保户", "残疾人（视力 一级）"]]}


def test_duplicate_active_id_names_the_person_already_registered(tmp_db, people):
    data = {"name": "张秀英", "id_number": ZHANG, "address": "阅海1-1-101"}
    with pytest.raises(DuplicateResident) as caught:
        service.create(tmp_db, data)
    assert caught.value.existing_id == people["张秀兰"]
    assert caught.value.errors == {"id_number": "ID number already registered: 张秀兰 (安居苑3号楼2单元401室)"}
    with pytest.raises(DuplicateResident):
        service.check(tmp_db, data)
    service.update(tmp_db, people["张秀兰"], {"id_number": ZHANG.lower()})  # the same person: fine


def test_duplicate_message_in_chinese(tmp_db, people, zh_cn):
    from app.residents.validation import duplicate_message

    message = duplicate_message("张秀兰", "3号楼2单元401室")
    assert "张秀兰" in message and "3号楼2单元401室" in message


def test_birth_date_and_sex_that_disagree_with_the_id_are_warnings(tmp_db):
    data = {"name": "王芳", "id_number": make_id("640106", "19880101", "202"), "birth_date": "1988年1月2日", "sex": "男"}
    warnings = service.check(tmp_db, data)
    assert set(warnings) == {"birth_date", "sex"}
    assert "1988-01-02" in warnings["birth_date"] and "1988-01-01" in warnings["birth_date"]
    new = service.create(tmp_db, data)
    assert service.get_detail(tmp_db, new).warnings.keys() == {"birth_date", "sex"}


@pytest.mark.parametrize("data, field", [
    ({"name": "  "}, "name"),
    ({"name": "王芳", "id_number": "11010519491231002"}, "id_number"),
    ({"name": "王芳", "id_number": "110105194912310021"}, "id_number"),
    ({"name": "王芳", "phones": "1391234"}, "phones"),
    ({"name": "王芳", "address": "东边那栋楼"}, "address"),
    ({"name": "王芳", "residence_status": "在家"}, "residence_status"),
    ({"name": "王芳", "birth_date": "1950-02-30"}, "birth_date"),
    ({"name": "王芳", "birth_date": date.today() + timedelta(days=3)}, "birth_date"),
])
def test_field_errors_name_the_field(tmp_db, data, field):
    with pytest.raises(ValidationError) as caught:
        service.create(tmp_db, data)
    assert field in caught.value.errors
    assert service.query_ids(tmp_db, ResidentQuery()) == []  # nothing written


def test_move_out_leaves_the_roster_but_keeps_history(tmp_db, people):
    person = people["单丽"]
    service.move_out(tmp_db, person, "2025-06-30", "迁往西夏区")
    assert "单丽" not in names(tmp_db, ResidentQuery())
    assert names(tmp_db, ResidentQuery(status="moved_out")) == ["单丽"]
    detail = service.get_detail(tmp_db, person)
    assert (detail.status, detail.left_on, detail.left_reason) == ("moved_out", date(2025, 6, 30), "迁往西夏区")
    assert [m.status for m in service.household_members(tmp_db, detail.household_id) if m.name == "单丽"] == ["moved_out"]
    assert json.loads(audit_rows(tmp_db, person)[-1].changes)["status"] == ["active", "moved_out"]
    with pytest.raises(UserError):
        service.move_out(tmp_db, person, "2025-07-01", "again")
    with pytest.raises(ValidationError):
        service.move_out(tmp_db, people["曾国强"], date.today() + timedelta(days=1), "")
    service.move_out(tmp_db, people["曾国强"], date(2024, 2, 1), "病故", deceased=True)
    assert service.get_detail(tmp_db, people["曾国强"]).status == "deceased"
    # Someone who moved away may come back as a new record with the same number.
    service.create(tmp_db, {"name": "单丽", "id_number": SHAN})


def test_removed_records_are_hidden_kept_and_restorable(tmp_db, people):
    person = people["𠮷祥"]
    service.remove(tmp_db, person)
    assert "𠮷祥" not in names(tmp_db, ResidentQuery())
    assert names(tmp_db, ResidentQuery(only_removed=True)) == ["𠮷祥"]
    assert service.load_rows(tmp_db, [person])[0].removed
    with pytest.raises(UserError):
        service.update(tmp_db, person, {"notes": "x"})
    other = service.create(tmp_db, {"name": "吉祥", "id_number": JI})
    with pytest.raises(DuplicateResident) as caught:
        service.restore(tmp_db, person)
    assert caught.value.existing_id == other
    service.remove(tmp_db, other)
    service.restore(tmp_db, person)
    assert "𠮷祥" in names(tmp_db, ResidentQuery())


def test_reveal_is_audited(tmp_db, people):
    person = people["张秀兰"]
    assert service.reveal_id(tmp_db, person, "王主任") == ZHANG
    assert service.reveal_phones(tmp_db, person, "王主任") == "13912341031"
    reveals = [r for r in audit_rows(tmp_db, person) if r.action == "reveal"]
    assert [(r.actor, json.loads(r.changes)) for r in reveals] == [
        ("王主任", {"field": "id_number"}), ("王主任", {"field": "phones"})]


# ---------------------------------------------------------------- reading


def test_rows_are_masked_and_in_the_order_asked(tmp_db, people):
    ids = [people["曾国强"], people["张秀兰"]]
    rows = service.load_rows(tmp_db, ids + [999_999])
    assert [r.id for r in rows] == ids
    zhang = rows[1]
    assert zhang.id_masked.startswith("640106") and "*" in zhang.id_masked and ZHANG not in repr(zhang)
    assert zhang.phones_masked == "139****1031" and zhang.tags == ("独居老人",)
    assert zhang.address == "安居苑3号楼2单元401室" and zhang.household_number == "FT0001"
    assert zhang.age == date.today().year - 1950 - ((date.today().month, date.today().day) < (3, 5))


@pytest.mark.parametrize("text, expected", [
    ("秀兰", {"张秀兰"}),
    ("张秀兰", {"张秀兰"}),
    ("zxl", {"张秀兰"}),
    ("ZXL", {"张秀兰"}),
    ("zhangxiu", {"张秀兰"}),
    ("sl", {"单丽"}),  # 单 as a surname reads shan
    ("zgq", {"曾国强"}),  # 曾 zeng
    ("xxm", {"解小明"}),  # 解 xie
    ("jx", {"𠮷祥"}),
    ("𠮷", {"𠮷祥"}),
    (ZHANG[-8:], {"张秀兰"}),
    (SHAN[6:14], {"单丽"}),
    ("1234103", {"张秀兰"}),
    ("139 1234 1031", {"张秀兰"}),
    ("5012345", {"单丽"}),
    ("0000 2222", {"曾国强"}),
    ("3-2-401", {"张秀兰", "单丽"}),
    ("3号楼2单元401", {"张秀兰", "单丽"}),
    ("安居苑3-2-401", {"张秀兰", "单丽"}),
    ("银啤苑13-2-401", {"曾国强"}),
    ("5-1-302", {"解小明"}),
    ("安居苑", {"张秀兰", "单丽"}),
    ("张 安居苑", {"张秀兰"}),
    ("100%", set()),
    ("", {"张秀兰", "单丽", "曾国强", "解小明", "𠮷祥"}),
])
def test_search(tmp_db, people, text, expected):
    assert set(names(tmp_db, ResidentQuery(text=text))) == expected


def test_filters(tmp_db, people):
    tags = tag_ids(tmp_db)
    building = next(b for b in service.buildings(tmp_db) if b.label == "安居苑3号楼")
    assert building.residents == 2
    assert set(names(tmp_db, ResidentQuery(building_id=building.id))) == {"张秀兰", "单丽"}
    assert set(names(tmp_db, ResidentQuery(compound="安居苑"))) == {"张秀兰", "单丽"}
    assert names(tmp_db, ResidentQuery(tag_ids=(tags["独居老人"],))) == ["张秀兰"]
    assert set(names(tmp_db, ResidentQuery(tag_ids=(tags["独居老人"], tags["残疾人"])))) == {"张秀兰", "曾国强"}
    assert set(names(tmp_db, ResidentQuery(min_age=60))) == {"张秀兰", "曾国强"}
    assert names(tmp_db, ResidentQuery(min_age=80)) == ["曾国强"]
    assert names(tmp_db, ResidentQuery(max_age=17)) == ["解小明"]
    assert names(tmp_db, ResidentQuery(residence_status="人在户不在")) == ["单丽"]
    assert names(tmp_db, ResidentQuery(political_status="中共党员")) == ["张秀兰"]
    assert names(tmp_db, ResidentQuery(political_status="群众", text="曾")) == ["曾国强"]
    assert names(tmp_db, ResidentQuery(min_age=60, text="zxl")) == ["张秀兰"]


def test_age_boundaries(tmp_db):
    today = date(2026, 3, 5)
    service.create(tmp_db, {"name": "甲", "birth_date": date(1966, 3, 5)}, today=today)
    service.create(tmp_db, {"name": "乙", "birth_date": date(1966, 3, 6)}, today=today)
    assert service.query_ids(tmp_db, ResidentQuery(min_age=60), today=today) == service.query_ids(
        tmp_db, ResidentQuery(text="甲"), today=today)
    assert len(service.query_ids(tmp_db, ResidentQuery(max_age=59), today=today)) == 1


@pytest.mark.parametrize("key", list(service.SORT_KEYS))
def test_every_sort_key_sorts_in_the_database(tmp_db, people, key):
    up = service.query_ids(tmp_db, ResidentQuery(sort_key=key))
    down = service.query_ids(tmp_db, ResidentQuery(sort_key=key, descending=True))
    assert sorted(up) == sorted(down) == sorted(people.values())
    filtered = service.query_ids(tmp_db, ResidentQuery(sort_key=key, min_age=0, text="1"))
    assert set(filtered) <= set(up)


def test_sort_orders(tmp_db, people):
    by_name = names(tmp_db, ResidentQuery(sort_key="name"))
    assert by_name == ["𠮷祥", "单丽", "解小明", "曾国强", "张秀兰"]  # ji, shan, xie, zeng, zhang
    assert names(tmp_db, ResidentQuery(sort_key="name", descending=True)) == by_name[::-1]
    assert names(tmp_db, ResidentQuery(sort_key="age")) == ["解小明", "单丽", "𠮷祥", "张秀兰", "曾国强"]
    assert names(tmp_db, ResidentQuery(sort_key="birth_date"))[0] == "曾国强"
    assert names(tmp_db, ResidentQuery(sort_key="address"))[:2] in (["张秀兰", "单丽"], ["单丽", "张秀兰"])
    assert names(tmp_db, ResidentQuery(sort_key="created_at")) == list(people)
    assert names(tmp_db, ResidentQuery(sort_key="sex"))[:2] == ["单丽", "张秀兰"]  # 女 (U+5973) before 男 (U+7537)
    with pytest.raises(ValueError):
        service.query_ids(tmp_db, ResidentQuery(sort_key="shoe_size"))


def test_lookups(tmp_db, people):
    zhang = service.get_detail(tmp_db, people["张秀兰"])
    members = service.household_members(tmp_db, zhang.household_id)
    assert [(m.name, m.is_head) for m in members] == [("张秀兰", True), ("单丽", False)]
    assert {m.name for m in service.room_occupants(tmp_db, zhang.room_id)} == {"张秀兰", "单丽"}
    labels = [b.label for b in service.buildings(tmp_db)]
    assert labels == sorted(labels, key=lambda label: label[:2]) and "银啤苑13号楼" in labels
    with tmp_db.reading() as session:
        assert service.counts(session) == 5


def test_one_head_per_household(tmp_db, people):
    data = {"name": "张建国", "household_number": "FT0001", "relation_to_head": "户主"}
    with pytest.raises(ValidationError) as caught:
        service.create(tmp_db, data)
    assert caught.value.errors == {"relation_to_head": "Household FT0001 already has a head: 张秀兰"}
    service.update(tmp_db, people["张秀兰"], {"relation_to_head": "其他"})  # steps down …
    new = service.create(tmp_db, data)  # … so the household can have a new head
    household_id = service.get_detail(tmp_db, new).household_id
    assert [m.name for m in service.household_members(tmp_db, household_id) if m.is_head] == ["张建国"]
    service.update(tmp_db, new, {"household_number": "FT0009"})  # moves to another household as its head
    assert [m.is_head for m in service.household_members(tmp_db, household_id)] == [False, False]


# ---------------------------------------------------------------- bulk and checks


def test_bulk_insert_fills_search_columns_households_and_tags(tmp_db):
    rows = [
        {"name": "马德明", "sex": "男", "birth_date": date(1948, 5, 1), "id_number": make_id("640106", "19480501", "017"),
         "phones": ["13995001234"], "address": RoomAddress("7", "1", "202", "居安家园"), "household_number": "B1",
         "relation_to_head": "户主", "tags": {"独居老人": None, "残疾人": "听力 三级"}, "is_demo": False},
        {"name": "马秀英", "sex": "女", "birth_date": date(1950, 1, 9), "id_number": make_id("640106", "19500109", "028"),
         "address": RoomAddress("7", "1", "202", "居安家园"), "household_number": "B1", "relation_to_head": "配偶"},
    ]
    with tmp_db.unit_of_work() as session:
        ids = service.bulk_insert(session, rows)
    assert len(ids) == 2
    with tmp_db.reading() as session:
        first = session.get(Resident, ids[0])
        assert (first.name_initials, first.name_pinyin, first.phone_digits) == ("mdm", "mademing", "13995001234")
        assert "7-1-202" in first.search_text and "居安家园" in first.search_text
        assert session.scalar(select(Household.head_id).where(Household.number == "B1")) == ids[0]
    assert names(tmp_db, ResidentQuery(text="mdm")) == ["马德明"]
    assert set(names(tmp_db, ResidentQuery(text="7-1-202"))) == {"马德明", "马秀英"}
    detail = service.get_detail(tmp_db, ids[0])
    assert [(t.name, t.detail) for t in detail.tags] == [("独居老人", ""), ("残疾人", "听力 三级")]
    imports = [r for r in audit_rows(tmp_db) if r.action == "import"]
    assert len(imports) == 1 and json.loads(imports[0].changes)["residents"] == 2
    assert all(r.action == "import" for r in audit_rows(tmp_db))  # one summary, not a row per person


def test_checks_find_bad_ids_and_heads_outside_their_household(tmp_db, people):
    with tmp_db.reading() as session:
        assert service.checks(session) == []
    with tmp_db.unit_of_work() as session:
        service.bulk_insert(session, [{"name": "错号", "id_number": ZHANG[:17] + ("1" if ZHANG[17] != "1" else "2")}])
        zeng = session.get(Resident, people["曾国强"])
        session.scalar(select(Household).where(Household.number == "FT0003")).head_id = zeng.id
    with tmp_db.reading() as session:
        problems = service.checks(session)
    assert len(problems) == 2
    assert "错号" in problems[0] and "check character" in problems[0]
    assert "FT0003" in problems[1] and "曾国强" in problems[1]
