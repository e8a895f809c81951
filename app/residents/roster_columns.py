"""The roster's Excel column layout, shared by the importer and the export.

``FIELDS`` are the columns an imported roster may have (label = the header the export writes,
synonyms = what real rosters call the same column). Headers are Chinese whatever the UI language:
they are the names on the office's forms, and an exported file must import back.

``iter_records`` streams residents from the database as plain dicts with the same keys, in the
order of the ids given (chunked ``IN`` queries, SQLAlchemy Core, no ORM objects).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.excel import FieldSpec
from db.models import Building, Household, Resident, ResidentTag, Room, Tag

CHUNK = 500  # ids per IN (…): well under SQLite's variable limit
TAG_SEPARATOR = "、"

FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "姓名", ("居民姓名", "人员姓名"), required=True),
    FieldSpec("former_name", "曾用名"),
    FieldSpec("sex", "性别"),
    FieldSpec("ethnicity", "民族"),
    FieldSpec("birth_date", "出生日期", ("出生年月", "出生年月日", "生日")),
    FieldSpec("id_number", "公民身份号码", ("身份证号", "身份证号码", "身份证", "证件号码", "证件号"), required=True),
    FieldSpec("phones", "联系电话", ("电话", "手机", "手机号", "手机号码", "联系方式", "电话号码", "联系电话号码")),
    FieldSpec("registered_address", "户籍地址", ("户籍所在地", "户籍地", "户口所在地", "户籍地详址")),
    FieldSpec("address", "现居住地址", ("现住址", "居住地址", "住址", "家庭住址", "现住地址", "居住地")),
    FieldSpec("compound", "小区", ("小区名称", "所在小区", "小区名")),
    FieldSpec("building", "楼栋", ("楼号", "楼", "栋", "楼栋号", "幢")),
    FieldSpec("unit", "单元", ("单元号",)),
    FieldSpec("room", "室", ("门牌号", "房号", "房间号", "室号")),
    FieldSpec("grid", "所属网格", ("网格", "网格名称")),
    FieldSpec("household_number", "户编号", ("户号", "户籍编号")),
    FieldSpec("relation_to_head", "与户主关系", ("与户主的关系", "家庭关系")),
    FieldSpec("residence_status", "人户状态", ("人户一致情况",)),
    FieldSpec("person_type", "人员类型", ("人口类型", "居住类型")),
    FieldSpec("political_status", "政治面貌"),
    FieldSpec("education", "文化程度", ("学历",)),
    FieldSpec("marital_status", "婚姻状况", ("婚姻状态",)),
    FieldSpec("health", "健康状况", ("身体状况",)),
    FieldSpec("employer", "工作单位", ("工作单位或学校", "单位")),
    FieldSpec("tags", "特殊人群", ("标签", "人员类别", "特殊群体", "重点人群")),
    FieldSpec("notes", "备注", ("说明",)),
    FieldSpec("status", "在册状态", ("状态",)),
)
FIELD_BY_KEY = {field.key: field for field in FIELDS}

# What the export writes, in this order ("status" only when the selection holds non-active people).
EXPORT_KEYS = (
    "name", "former_name", "sex", "ethnicity", "birth_date", "id_number", "phones", "registered_address",
    "compound", "building", "unit", "room", "grid", "household_number", "relation_to_head",
    "residence_status", "person_type", "political_status", "education", "marital_status", "health",
    "employer", "tags", "notes",
)
STATUS_LABELS = {"active": "在册", "moved_out": "迁出", "deceased": "死亡"}

_RESIDENT_KEYS = (
    "name", "former_name", "sex", "ethnicity", "birth_date", "id_number", "phones", "registered_address",
    "grid", "relation_to_head", "residence_status", "person_type", "political_status", "education",
    "marital_status", "health", "employer", "notes", "status",
)
_TAG_ITEM = re.compile(r"\s*([^（(]+?)\s*(?:[（(]\s*([^）)]*?)\s*[）)])?\s*$")
_TAG_SPLIT = re.compile(r"[、,，;；/／|\n]+")


def label(key: str) -> str:
    return FIELD_BY_KEY[key].label


def format_tags(tags: Sequence[tuple[str, str | None]]) -> str:
    """独居老人、残疾人（肢体 二级）: what a roster cell holds, and what ``parse_tags`` reads."""
    return TAG_SEPARATOR.join(f"{name}（{detail}）" if detail else name for name, detail in tags)


def parse_tags(text: str) -> list[tuple[str, str | None]]:
    """The (name, detail) pairs in a 特殊人群 cell; a separator inside brackets is kept."""
    text = unicodedata.normalize("NFKC", text).replace("(", "（").replace(")", "）")
    items, depth, current = [], 0, []
    for char in text:
        depth += (char == "（") - (char == "）")
        if depth <= 0 and _TAG_SPLIT.match(char):
            items.append("".join(current))
            current, depth = [], 0
        else:
            current.append(char)
    items.append("".join(current))
    result = []
    for item in items:
        match = _TAG_ITEM.match(item)
        if match and match.group(1).strip():
            result.append((match.group(1).strip(), (match.group(2) or "").strip() or None))
    return result


def _resident_rows(session: Session, ids: list[int]) -> list[tuple]:
    """(id, room_id, household_id, *_RESIDENT_KEYS) of ``ids``, read straight from the sqlite3 cursor:
    SQLAlchemy's result handling costs more than SQLite itself at 100,000 rows. The statement is
    built and compiled by SQLAlchemy; dates come back as ISO text and are converted here."""
    columns = [getattr(Resident, key) for key in _RESIDENT_KEYS]
    statement = select(Resident.id, Resident.room_id, Resident.household_id, *columns).where(Resident.id.in_(ids))
    connection = session.connection()
    compiled = statement.compile(dialect=connection.dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.construct_params()
    cursor = connection.connection.driver_connection.cursor()
    try:
        rows = cursor.execute(compiled.string, [params[name] for name in compiled.positiontup]).fetchall()
    finally:
        cursor.close()
    birth = 3 + _RESIDENT_KEYS.index("birth_date")
    return [(*row[:birth], date.fromisoformat(row[birth]), *row[birth + 1:]) if row[birth] else row for row in rows]


def _places(session: Session) -> dict[int, tuple[str, str, str, str]]:
    """room id -> (compound, building, unit, room): one query instead of two joins per resident."""
    statement = select(Room.id, Building.compound, Building.number, Room.unit, Room.room).join(
        Building, Building.id == Room.building_id)
    return {room_id: rest for room_id, *rest in session.execute(statement)}


def _tags_of(session: Session, ids: list[int] | None) -> dict[int, list[tuple[int, str, str | None]]]:
    """resident id -> [(tag id, name, detail)] in the tags' order; ``ids`` None: everyone's."""
    statement = (select(ResidentTag.resident_id, Tag.id, Tag.name, ResidentTag.detail)
                 .join(Tag, Tag.id == ResidentTag.tag_id).order_by(Tag.position, Tag.id))
    if ids is not None:
        statement = statement.where(ResidentTag.resident_id.in_(ids))
    result: dict[int, list[tuple[int, str, str | None]]] = {}
    for resident_id, tag_id, name, detail in session.execute(statement):
        result.setdefault(resident_id, []).append((tag_id, name, detail))
    return result


def iter_records(session: Session, ids: Sequence[int], chunk: int = CHUNK) -> Iterator[dict]:
    """One dict per resident, in the order of ``ids``: the keys of FIELDS (address as its parts),
    ``tags`` as [(tag id, name, detail)], ``id`` and ``status``. Ids that do not exist are skipped."""
    places = _places(session)
    households = dict(session.execute(select(Household.id, Household.number)).all())
    everyones = _tags_of(session, None) if len(ids) > chunk else None  # one query instead of one per chunk
    no_place = (None, None, None, None)
    for start in range(0, len(ids), chunk):
        batch = list(ids[start:start + chunk])
        tags = everyones if everyones is not None else _tags_of(session, batch)
        found = {}
        for resident_id, room_id, household_id, *values in _resident_rows(session, batch):
            record = dict(zip(_RESIDENT_KEYS, values))
            record["compound"], record["building"], record["unit"], record["room"] = places.get(room_id, no_place)
            record["household_number"] = households.get(household_id)
            record["id"] = resident_id
            record["tags"] = tags.get(resident_id, [])
            found[resident_id] = record
        for resident_id in batch:
            if resident_id in found:
                yield found[resident_id]
