"""Many residents at once (import, demo data) and the roster's consistency checks.

``bulk_insert`` writes through SQLAlchemy Core, not the ORM: 100,000 rows in about a second.
Buildings, rooms and households are found or created in bulk from dictionaries loaded once, ids
are given out here (the unit of work holds SQLite's write lock), and the audit log gets one
summary entry instead of 100,000 row entries.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from operator import itemgetter

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from app.i18n import translate
from app.jobs import JobControl, ensure
from app.residents.address import RoomAddress
from app.residents.idcard import check_id
from app.residents.masking import mask_id
from app.residents.queries import search_columns
from app.residents.validation import PHONE_SEPARATOR
from db import audit
from db.models import Building, Household, Resident, ResidentTag, Room, Tag
from db.models.residents import STATUS_ACTIVE

HEAD = "户主"
COLUMNS = (
    "name", "former_name", "sex", "ethnicity", "birth_date", "id_number", "phones", "registered_address",
    "grid", "relation_to_head", "residence_status", "person_type", "political_status", "education",
    "marital_status", "health", "employer", "status", "left_on", "left_reason", "notes", "is_demo",
)
MAX_LISTED = 20


class _Ids:
    """Find-or-create with dictionaries: one SELECT each to start, new rows collected for one INSERT."""

    def __init__(self, session: Session):
        self.buildings = {(c, n): i for i, c, n in session.execute(select(Building.id, Building.compound, Building.number))}
        self.rooms = {(b, u, r): i for i, b, u, r in session.execute(select(Room.id, Room.building_id, Room.unit, Room.room))}
        self.households = dict(session.execute(select(Household.number, Household.id).where(Household.removed_at.is_(None))).all())
        self.next = {table: (session.scalar(select(func.max(model.id))) or 0) + 1
                     for table, model in (("buildings", Building), ("rooms", Room), ("households", Household), ("residents", Resident))}
        self.new = {"buildings": [], "rooms": [], "households": []}

    def _take(self, table: str) -> int:
        value = self.next[table]
        self.next[table] += 1
        return value

    def room(self, place: RoomAddress | None) -> int | None:
        if place is None:
            return None
        building = self.buildings.get((place.compound, place.building))
        if building is None:
            building = self.buildings[(place.compound, place.building)] = self._take("buildings")
            self.new["buildings"].append({"id": building, "compound": place.compound, "number": place.building})
        room = self.rooms.get((building, place.unit, place.room))
        if room is None:
            room = self.rooms[(building, place.unit, place.room)] = self._take("rooms")
            self.new["rooms"].append({"id": room, "building_id": building, "unit": place.unit, "room": place.room})
        return room

    def household(self, number: str | None, room_id: int | None, registered: str | None) -> int | None:
        if not number:
            return None
        household = self.households.get(number)
        if household is None:
            household = self.households[number] = self._take("households")
            self.new["households"].append({"id": household, "number": number, "room_id": room_id,
                                           "registered_address": registered, "head_id": None})
        return household


def _phones_text(value) -> str | None:
    if isinstance(value, (list, tuple)):
        return PHONE_SEPARATOR.join(p for p in value if p) or None
    return value or None


def _resident(row: dict, resident_id: int, ids: _Ids) -> dict:
    values = {key: row.get(key) for key in COLUMNS}
    values["phones"] = _phones_text(values["phones"])
    values["status"] = values["status"] or STATUS_ACTIVE
    values["is_demo"] = 1 if values["is_demo"] else 0
    for key in ("birth_date", "left_on"):  # as SQLAlchemy's Date stores them
        values[key] = values[key].isoformat() if values[key] else None
    place = row.get("address")
    values["id"] = resident_id
    values["room_id"] = ids.room(place)
    values["household_id"] = ids.household(row.get("household_number"), values["room_id"], values["registered_address"])
    values.update(search_columns(values["name"], values["former_name"], values["id_number"], values["phones"], place))
    return values


def _tag_rows(session: Session, rows: list[dict], resident_ids: list[int]) -> list[dict]:
    by_name = dict(session.execute(select(Tag.name, Tag.id)).all())
    result = []
    for row, resident_id in zip(rows, resident_ids):
        tags = row.get("tags") or {}
        items = tags.items() if isinstance(tags, dict) else ((t, None) for t in tags)
        for tag, detail in items:
            tag_id = by_name[tag] if isinstance(tag, str) else int(tag)
            result.append({"resident_id": resident_id, "tag_id": tag_id, "detail": detail})
    return result


def _set_heads(session: Session, residents: list[dict]) -> int:
    heads = {}
    for values in residents:
        if values["relation_to_head"] == HEAD and values["household_id"] is not None:
            heads.setdefault(values["household_id"], values["id"])
    if heads:
        statement = (update(Household.__table__).where(Household.__table__.c.id == bindparam("hid"),
                                                      Household.__table__.c.head_id.is_(None))
                     .values(head_id=bindparam("head")))
        session.execute(statement, [{"hid": h, "head": r} for h, r in heads.items()])
    return len(heads)


def _insert_many(session: Session, table, rows: list[dict]) -> None:
    """INSERT through the sqlite3 cursor's executemany: SQLAlchemy's per-row parameter handling
    costs more than SQLite itself for 100,000 rows. The statement is compiled by SQLAlchemy; the
    values must already be plain (dates as ISO text, see _resident)."""
    if not rows:
        return
    compiled = insert(table).values({key: bindparam(key) for key in rows[0]}).compile(dialect=session.bind.dialect)
    getter = itemgetter(*compiled.positiontup)
    cursor = session.connection().connection.driver_connection.cursor()
    try:
        cursor.executemany(compiled.string, [getter(row) if len(compiled.positiontup) > 1 else (getter(row),) for row in rows])
    finally:
        cursor.close()


class _BigCache:
    """A larger page cache while the indexes of 100,000 new rows are filled (128 MiB at most,
    taken only as needed): with SQLite's default 2 MiB, pages are written and read back again."""

    PAGES = -131_072  # negative: KiB

    def __init__(self, session: Session):
        self.connection = session.connection()

    def __enter__(self):
        self.before = self.connection.exec_driver_sql("PRAGMA cache_size").scalar()
        self.connection.exec_driver_sql(f"PRAGMA cache_size={self.PAGES}")

    def __exit__(self, *_exc):
        self.connection.exec_driver_sql(f"PRAGMA cache_size={int(self.before)}")


def bulk_insert(session: Session, rows: list[dict], job: JobControl | None = None, chunk: int = 10_000) -> list[int]:
    """Insert validated rows; returns their new ids in order.

    A row holds Resident column values (``id_number`` normalised, ``birth_date`` a date, ``phones``
    a list or 、-joined text), ``address`` (a RoomAddress or None), ``household_number`` and
    ``tags`` ({tag name or id: detail} or a list). Duplicate active ID numbers must have been
    weeded out: the unique index refuses them and the whole unit of work rolls back.
    """
    job = ensure(job)
    ids = _Ids(session)
    first = ids.next["residents"]
    residents = [_resident(row, first + index, ids) for index, row in enumerate(rows)]
    resident_ids = [values["id"] for values in residents]
    tag_rows = _tag_rows(session, rows, resident_ids)
    with _BigCache(session):
        for table, model in (("buildings", Building), ("rooms", Room), ("households", Household)):
            _insert_many(session, model.__table__, ids.new[table])
        for start in range(0, len(residents), chunk):
            _insert_many(session, Resident.__table__, residents[start:start + chunk])
            job.report(start + len(residents[start:start + chunk]), len(residents))
        _insert_many(session, ResidentTag.__table__, tag_rows)
        heads = _set_heads(session, residents)
    audit.record(session, "import", "residents", None, {
        "residents": len(residents), "buildings": len(ids.new["buildings"]), "rooms": len(ids.new["rooms"]),
        "households": len(ids.new["households"]), "heads": heads, "tags": len(tag_rows),
        "demo": any(values["is_demo"] for values in residents),
    })
    return resident_ids


# --- checks ---------------------------------------------------------------------------------


def _capped(messages: list[str]) -> list[str]:
    if len(messages) <= MAX_LISTED:
        return messages
    more = translate("app", "… and {count} more like this").format(count=len(messages) - MAX_LISTED)
    return messages[:MAX_LISTED] + [more]


def _active():
    return (Resident.status == STATUS_ACTIVE) & Resident.removed_at.is_(None)


def _bad_ids(session: Session, today: date) -> list[str]:
    messages = []
    statement = select(Resident.id, Resident.name, Resident.id_number).where(_active(), Resident.id_number.is_not(None))
    for resident_id, name, id_number in session.execute(statement):
        result = check_id(id_number, today)
        if not result.ok:
            message = translate("app", "Resident {name} (no. {id}): {problem}")
            messages.append(message.format(name=name, id=resident_id, problem=result.error))
    return _capped(messages)


def _duplicate_ids(session: Session) -> list[str]:
    statement = (select(Resident.id_number, Resident.name).where(_active(), Resident.id_number.is_not(None))
                 .where(Resident.id_number.in_(select(Resident.id_number).where(_active()).group_by(Resident.id_number)
                                              .having(func.count() > 1))).order_by(Resident.id_number, Resident.id))
    names: dict[str, list[str]] = {}
    for id_number, name in session.execute(statement):
        names.setdefault(id_number, []).append(name)
    message = translate("app", "ID number {id_number} is on the active roster {count} times: {names}")
    return _capped([message.format(id_number=mask_id(k), count=len(v), names="、".join(v)) for k, v in names.items()])


def _household_problems(session: Session) -> list[str]:
    statement = (select(Household.number, Resident.name, Resident.household_id, Household.id, Resident.removed_at)
                 .join(Resident, Resident.id == Household.head_id).where(Household.removed_at.is_(None)))
    messages = []
    for number, name, member_of, household_id, removed_at in session.execute(statement):
        if member_of != household_id:
            messages.append(translate("app", "Household {number}: the head {name} is not a member of it").format(number=number, name=name))
        elif removed_at is not None:
            messages.append(translate("app", "Household {number}: the head {name} has been removed").format(number=number, name=name))
    return _capped(messages)


def checks(session: Session, today: date | None = None) -> list[str]:
    """Problems for ``python -m app check``: bad or duplicate IDs, households and their heads."""
    today = today or date.today()
    return _bad_ids(session, today) + _duplicate_ids(session) + _household_problems(session)


def tag_counts(session: Session) -> Counter:
    """How many active residents carry each tag (for demo reports and the home screen)."""
    statement = (select(Tag.name, func.count()).join(ResidentTag, ResidentTag.tag_id == Tag.id)
                 .join(Resident, Resident.id == ResidentTag.resident_id).where(_active()).group_by(Tag.name))
    return Counter(dict(session.execute(statement).all()))
