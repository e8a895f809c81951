"""What the roster screens receive: plain frozen rows, never ORM objects.

ID numbers and phones arrive masked (640106********1234, 139****1031); the full values only come
through ``service.reveal_id`` / ``service.reveal_phones``, which are audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from app.residents.address import RoomAddress, format_room
from app.residents.dates import age_on
from app.residents.masking import mask_id, mask_phone
from app.residents.queries import plus
from app.residents.validation import PHONE_SEPARATOR, id_warnings
from db.models import Building, Household, Resident, ResidentTag, Room, Tag
from db.models.residents import STATUS_ACTIVE

BATCH = 500  # ids per IN (…): well under SQLite's variable limit


@dataclass(frozen=True)
class ResidentRow:
    id: int
    name: str
    sex: str
    birth_date: date | None
    age: int | None
    ethnicity: str
    id_masked: str
    phones_masked: str
    address: str  # 安居苑3号楼2单元401室
    grid: str
    household_number: str
    relation_to_head: str
    residence_status: str
    person_type: str
    political_status: str
    status: str  # active | moved_out | deceased
    left_on: date | None
    tags: tuple[str, ...]
    is_demo: bool
    removed: bool


@dataclass(frozen=True)
class MemberRow:
    """A person in a household or a room."""

    id: int
    name: str
    sex: str
    age: int | None
    relation_to_head: str
    status: str
    is_head: bool
    removed: bool


@dataclass(frozen=True)
class TagAssignment:
    tag_id: int
    name: str
    sensitive: bool
    detail: str


@dataclass(frozen=True)
class ResidentDetail:
    id: int
    name: str
    former_name: str
    sex: str
    ethnicity: str
    birth_date: date | None
    age: int | None
    id_masked: str
    has_id_number: bool
    phones_masked: tuple[str, ...]
    registered_address: str
    room_id: int | None
    compound: str
    building: str
    unit: str
    room: str
    address: str
    grid: str
    household_id: int | None
    household_number: str
    relation_to_head: str
    residence_status: str
    person_type: str
    political_status: str
    education: str
    marital_status: str
    health: str
    employer: str
    status: str
    left_on: date | None
    left_reason: str
    notes: str
    is_demo: bool
    created_at: datetime | None
    updated_at: datetime | None
    removed_at: datetime | None
    removed_by: str
    members: tuple[MemberRow, ...]  # the household's other members, heads first
    tags: tuple[TagAssignment, ...]
    warnings: dict  # stored 出生日期 / 性别 that disagree with the ID number: {field: message}


@dataclass(frozen=True)
class BuildingRow:
    id: int
    compound: str
    number: str
    label: str  # 安居苑3号楼
    residents: int  # active, not removed


@dataclass(frozen=True)
class TagRow:
    id: int
    name: str
    sensitive: bool
    position: int


def age_of(birth: date | None, today: date | None = None) -> int | None:
    return age_on(birth, today or date.today()) if birth else None


def masked_phones(phones: str | None) -> tuple[str, ...]:
    return tuple(mask_phone(p) for p in (phones or "").split(PHONE_SEPARATOR) if p)


def _place_columns():
    return (Building.compound, Building.number, Room.unit, Room.room)


def place_of(compound, building, unit, room) -> RoomAddress | None:
    if building is None:
        return None
    return RoomAddress(building, unit or "", room or "", compound or "")


def _tags_by_resident(session, ids: list[int]) -> dict[int, list[str]]:
    result: dict[int, list[str]] = {}
    statement = (
        select(ResidentTag.resident_id, Tag.name)
        .join(Tag, Tag.id == ResidentTag.tag_id)
        .where(ResidentTag.resident_id.in_(ids))
        .order_by(Tag.position, Tag.id)
    )
    for resident_id, name in session.execute(statement):
        result.setdefault(resident_id, []).append(name)
    return result


def _row_statement(ids: list[int]):
    return (
        select(Resident, *_place_columns(), Household.number)
        .outerjoin(Room, Room.id == Resident.room_id)
        .outerjoin(Building, Building.id == Room.building_id)
        .outerjoin(Household, Household.id == Resident.household_id)
        .where(Resident.id.in_(ids))
    )


def _row(r: Resident, place: RoomAddress | None, household: str | None, tags: list[str], today: date) -> ResidentRow:
    return ResidentRow(
        id=r.id, name=r.name, sex=r.sex or "", birth_date=r.birth_date, age=age_of(r.birth_date, today),
        ethnicity=r.ethnicity or "", id_masked=mask_id(r.id_number) if r.id_number else "",
        phones_masked=PHONE_SEPARATOR.join(masked_phones(r.phones)), address=format_room(place) if place else "",
        grid=r.grid or "", household_number=household or "", relation_to_head=r.relation_to_head or "",
        residence_status=r.residence_status or "", person_type=r.person_type or "",
        political_status=r.political_status or "", status=r.status, left_on=r.left_on,
        tags=tuple(tags), is_demo=bool(r.is_demo), removed=r.removed_at is not None,
    )


def load_rows(db, ids: list[int], today: date | None = None) -> list[ResidentRow]:
    """Rows for ``ids``, in the order given (ids that no longer exist are left out)."""
    today = today or date.today()
    found: dict[int, ResidentRow] = {}
    with db.reading() as session:
        for start in range(0, len(ids), BATCH):
            batch = list(ids[start:start + BATCH])
            tags = _tags_by_resident(session, batch)
            for r, compound, building, unit, room, household in session.execute(_row_statement(batch)):
                place = place_of(compound, building, unit, room)
                found[r.id] = _row(r, place, household, tags.get(r.id, []), today)
    return [found[i] for i in ids if i in found]


def member_rows(session, where, head_id: int | None = None, today: date | None = None) -> list[MemberRow]:
    today = today or date.today()
    statement = select(Resident).where(where).order_by(Resident.removed_at.is_not(None), Resident.status != STATUS_ACTIVE,
                                                       Resident.relation_to_head != "户主", Resident.birth_date, Resident.id)
    return [
        MemberRow(r.id, r.name, r.sex or "", age_of(r.birth_date, today), r.relation_to_head or "", r.status,
                  r.id == head_id or (head_id is None and r.relation_to_head == "户主"), r.removed_at is not None)
        for r in session.scalars(statement)
    ]


def household_members(db, household_id: int) -> list[MemberRow]:
    """Everyone ever in the household (moved-out and deceased too), the head first."""
    with db.reading() as session:
        head_id = session.scalar(select(Household.head_id).where(Household.id == household_id))
        return member_rows(session, Resident.household_id == household_id, head_id)


def room_occupants(db, room_id: int) -> list[MemberRow]:
    """Who lives (or lived) in one room."""
    with db.reading() as session:
        return member_rows(session, Resident.room_id == room_id)


def buildings(db) -> list[BuildingRow]:
    """Every building, by compound then number (2 before 10), with its active residents."""
    counts = (
        select(Room.building_id, func.count(Resident.id).label("n"))
        .join(Resident, Resident.room_id == Room.id)
        .where(plus(Resident.status) == STATUS_ACTIVE, plus(Resident.removed_at).is_(None))  # read from ix_residents_room_id
        .group_by(Room.building_id)
        .subquery()
    )
    statement = select(Building, func.coalesce(counts.c.n, 0)).outerjoin(counts, counts.c.building_id == Building.id)
    with db.reading() as session:
        result = [
            BuildingRow(b.id, b.compound, b.number, format_room(RoomAddress(b.number, compound=b.compound)), n)
            for b, n in session.execute(statement)
        ]
    return sorted(result, key=lambda b: (b.compound, b.number.zfill(6) if b.number.isdigit() else b.number))


def tags(db) -> list[TagRow]:
    with db.reading() as session:
        return [TagRow(t.id, t.name, bool(t.sensitive), t.position)
                for t in session.scalars(select(Tag).order_by(Tag.position, Tag.id))]


def _detail_tags(session, resident_id: int) -> tuple[TagAssignment, ...]:
    statement = (
        select(Tag, ResidentTag.detail)
        .join(ResidentTag, ResidentTag.tag_id == Tag.id)
        .where(ResidentTag.resident_id == resident_id)
        .order_by(Tag.position, Tag.id)
    )
    return tuple(TagAssignment(t.id, t.name, bool(t.sensitive), detail or "") for t, detail in session.execute(statement))


def _household_parts(session, r: Resident, today: date) -> tuple[str, tuple[MemberRow, ...]]:
    if r.household_id is None:
        return "", ()
    household = session.get(Household, r.household_id)
    where = (Resident.household_id == r.household_id) & (Resident.id != r.id)
    return household.number, tuple(member_rows(session, where, household.head_id, today))


def detail_of(session, resident_id: int, today: date | None = None) -> ResidentDetail | None:
    today = today or date.today()
    found = session.execute(
        select(Resident, *_place_columns())
        .outerjoin(Room, Room.id == Resident.room_id)
        .outerjoin(Building, Building.id == Room.building_id)
        .where(Resident.id == resident_id)
    ).first()
    if found is None:
        return None
    r, *parts = found
    place = place_of(*parts)
    household_number, members = _household_parts(session, r, today)
    text = {k: getattr(r, k) or "" for k in (
        "name", "former_name", "sex", "ethnicity", "registered_address", "grid", "relation_to_head",
        "residence_status", "person_type", "political_status", "education", "marital_status", "health",
        "employer", "left_reason", "notes", "removed_by")}
    return ResidentDetail(
        id=r.id, birth_date=r.birth_date, age=age_of(r.birth_date, today),
        id_masked=mask_id(r.id_number) if r.id_number else "", has_id_number=bool(r.id_number),
        phones_masked=masked_phones(r.phones), room_id=r.room_id,
        compound=place.compound if place else "", building=place.building if place else "",
        unit=place.unit if place else "", room=place.room if place else "",
        address=format_room(place) if place else "", household_id=r.household_id,
        household_number=household_number, status=r.status, left_on=r.left_on, is_demo=bool(r.is_demo),
        created_at=r.created_at, updated_at=r.updated_at, removed_at=r.removed_at, members=members,
        tags=_detail_tags(session, r.id), warnings=id_warnings(r.id_number, r.birth_date, r.sex, today), **text,
    )


def get_detail(db, resident_id: int, today: date | None = None) -> ResidentDetail | None:
    """Everything the form shows about one person (ID and phones masked); None if there is no such row."""
    with db.reading() as session:
        return detail_of(session, resident_id, today)
