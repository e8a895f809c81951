"""The roster's service: every call opens its own short session and returns plain rows.

Reading: ``query_ids`` + ``load_rows`` for the table, ``get_detail`` for the form, and lookups.
Writing: ``create``, ``update``, ``move_out``, ``remove``, ``restore``; each validates first
(``ValidationError`` / ``DuplicateResident`` with field messages), keeps the precomputed search
columns up to date, and is audited (the ORM hook records old → new; tag changes and reveals are
recorded here). ``bulk_insert`` (app/residents/bulk.py) serves the importer and demo data.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from app.errors import UserError, ValidationError
from app.i18n import translate
from app.residents.address import RoomAddress, format_room
from app.residents.bulk import BulkWriter, bulk_cache, bulk_insert, checks, deferred_indexes
from app.residents.dates import DateFormatError, parse_date
from app.residents.queries import SORT_KEYS, ResidentQuery, query_ids, search_columns
from app.residents.rows import (
    BuildingRow,
    MemberRow,
    ResidentDetail,
    ResidentRow,
    TagAssignment,
    TagRow,
    buildings,
    get_detail,
    household_members,
    load_rows,
    place_of,
    room_occupants,
    tags,
)
from app.residents.validation import TEXT_FIELDS, Cleaned, DuplicateResident, clean, duplicate_message, field_label
from db import audit
from db.models import Building, Household, Resident, ResidentTag, Room, Tag
from db.models.residents import STATUS_ACTIVE, STATUS_DECEASED, STATUS_MOVED_OUT

__all__ = [
    # reading
    "ResidentQuery", "SORT_KEYS", "query_ids", "load_rows", "get_detail", "buildings", "tags",
    "household_members", "room_occupants", "counts", "checks",
    "ResidentRow", "ResidentDetail", "MemberRow", "TagAssignment", "BuildingRow", "TagRow",
    # writing
    "check", "create", "update", "move_out", "remove", "restore", "reveal_id", "reveal_phones",
    "bulk_insert", "BulkWriter", "bulk_cache", "deferred_indexes",
    "DuplicateResident", "duplicate_message",
]

HEAD = "户主"
_COLUMNS = tuple(k for k in TEXT_FIELDS if k != "household_number") + ("id_number", "birth_date", "sex", "phones")


def now() -> datetime:
    """UTC without a zone, as SQLite's CURRENT_TIMESTAMP writes created_at and the audit log."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def counts(session: Session) -> int:
    """Active residents on the roster (FEATURE.count)."""
    return session.scalar(select(func.count(Resident.id)).where(Resident.status == STATUS_ACTIVE,
                                                                Resident.removed_at.is_(None))) or 0


# --- places, households, tags ---------------------------------------------------------------


def room_id_for(session: Session, place: RoomAddress | None) -> int | None:
    """Find or create the building and room of an address."""
    if place is None:
        return None
    building = session.scalar(select(Building).where(Building.compound == place.compound, Building.number == place.building))
    if building is None:
        building = Building(compound=place.compound, number=place.building)
        session.add(building)
        session.flush()
    room = session.scalar(select(Room).where(Room.building_id == building.id, Room.unit == place.unit, Room.room == place.room))
    if room is None:
        room = Room(building_id=building.id, unit=place.unit, room=place.room)
        session.add(room)
        session.flush()
    return room.id


def place_of_room(session: Session, room_id: int | None) -> RoomAddress | None:
    if room_id is None:
        return None
    row = session.execute(select(Building.compound, Building.number, Room.unit, Room.room)
                          .join(Room, Room.building_id == Building.id).where(Room.id == room_id)).first()
    return place_of(*row) if row else None


def _household_for(session: Session, r: Resident, number: str | None) -> Household | None:
    if not number:
        return None
    household = session.scalar(select(Household).where(Household.number == number, Household.removed_at.is_(None)))
    if household is None:
        household = Household(number=number, room_id=r.room_id, registered_address=r.registered_address)
        session.add(household)
        session.flush()
    return household


def _check_head(session: Session, r: Resident, household: Household) -> None:
    """One head per household: another active head must step down first."""
    if household.head_id in (None, r.id):
        return
    head = session.get(Resident, household.head_id)
    if head is not None and head.status == STATUS_ACTIVE and head.removed_at is None and head.household_id == household.id \
            and head.relation_to_head == HEAD:
        message = translate("app", "Household {number} already has a head: {name}")
        raise ValidationError({"relation_to_head": message.format(number=household.number, name=head.name)})


def _link_household(session: Session, r: Resident, cleaned: Cleaned) -> None:
    old_household_id = r.household_id
    if "household_number" in cleaned.values:
        household = _household_for(session, r, cleaned.values["household_number"])
        r.household_id = household.id if household else None
    household = session.get(Household, r.household_id) if r.household_id else None
    if (old_household_id and old_household_id != r.household_id) or r.relation_to_head != HEAD:
        old = session.get(Household, old_household_id) if old_household_id else None
        if old is not None and old.head_id == r.id:
            old.head_id = None
    if household is not None and r.relation_to_head == HEAD:
        _check_head(session, r, household)
        household.head_id = r.id


def _tag_label(name: str, detail: str | None) -> str:
    return f"{name}（{detail}）" if detail else name


def _set_tags(session: Session, resident_id: int, wanted: dict[int, str | None]) -> None:
    names = dict(session.execute(select(Tag.id, Tag.name)).all())
    unknown = [t for t in wanted if t not in names]
    if unknown:
        message = translate("app", "{field}: no such tag ({ids})")
        raise ValidationError({"tags": message.format(field=field_label("tags"), ids=", ".join(map(str, unknown)))})
    current = dict(session.execute(select(ResidentTag.tag_id, ResidentTag.detail).where(ResidentTag.resident_id == resident_id)).all())
    if current == wanted:
        return
    session.execute(delete(ResidentTag).where(ResidentTag.resident_id == resident_id))
    if wanted:
        session.execute(insert(ResidentTag), [{"resident_id": resident_id, "tag_id": t, "detail": d} for t, d in wanted.items()])
    old = [_tag_label(names[t], d) for t, d in sorted(current.items())]
    new = [_tag_label(names[t], d) for t, d in sorted(wanted.items())]
    audit.record(session, "update", "residents", resident_id, {"tags": [old, new]})


# --- validation against the database --------------------------------------------------------


def _check_unique(session: Session, r: Resident | None, id_number: str | None, warnings: dict) -> None:
    if not id_number:
        return
    statement = select(Resident).where(Resident.id_number == id_number, Resident.status == STATUS_ACTIVE,
                                       Resident.removed_at.is_(None))
    if r is not None and r.id is not None:
        statement = statement.where(Resident.id != r.id)
    existing = session.scalars(statement.limit(1)).first()
    if existing is not None:
        place = place_of_room(session, existing.room_id)
        raise DuplicateResident(existing.id, duplicate_message(existing.name, format_room(place) if place else ""), warnings)


def _load(session: Session, resident_id: int) -> Resident:
    r = session.get(Resident, resident_id)
    if r is None:
        raise UserError(translate("app", "Resident {id} does not exist").format(id=resident_id))
    return r


def _editable(session: Session, resident_id: int) -> Resident:
    r = _load(session, resident_id)
    if r.removed_at is not None:
        raise UserError(translate("app", "{name} has been removed from the roster; restore the record before changing it").format(name=r.name))
    return r


def _as_input(session: Session, r: Resident) -> dict:
    values = {key: getattr(r, key) for key in _COLUMNS}
    values["address"] = place_of_room(session, r.room_id)
    return values


def _validated(session: Session, r: Resident | None, data: dict, today: date | None) -> Cleaned:
    merged = {**_as_input(session, r), **data} if r is not None else {"name": None, **data}
    cleaned = clean(merged, today)
    active = r is None or (r.status == STATUS_ACTIVE and r.removed_at is None)
    if active:
        _check_unique(session, r, cleaned.values.get("id_number"), cleaned.warnings)
    return cleaned


# --- writing --------------------------------------------------------------------------------


def _apply(session: Session, r: Resident, cleaned: Cleaned) -> None:
    """Set the new values and the search columns together: one flush, so one audit entry."""
    place = cleaned.place if cleaned.has_place else place_of_room(session, r.room_id)
    room_id = room_id_for(session, place) if cleaned.has_place else r.room_id
    with session.no_autoflush:
        for key in _COLUMNS:
            if key in cleaned.values:
                setattr(r, key, cleaned.values[key])
        r.room_id = room_id
        for key, value in search_columns(r.name, r.former_name, r.id_number, r.phones, place).items():
            setattr(r, key, value)


def _save(session: Session, r: Resident, cleaned: Cleaned) -> int:
    _apply(session, r, cleaned)
    session.add(r)
    session.flush()
    _link_household(session, r, cleaned)
    if cleaned.tags is not None:
        _set_tags(session, r.id, cleaned.tags)
    session.flush()
    return r.id


def check(db, data: dict, resident_id: int | None = None, today: date | None = None) -> dict[str, str]:
    """Validate a form without saving: warnings to confirm, or ValidationError / DuplicateResident."""
    with db.reading() as session:
        r = _load(session, resident_id) if resident_id is not None else None
        return _validated(session, r, data, today).warnings


def create(db, data: dict, actor: str | None = None, today: date | None = None) -> int:
    """Add a resident; ``data`` holds form keys (name, id_number, phones, address, household_number, tags …)."""
    with db.unit_of_work(actor) as session:
        cleaned = _validated(session, None, data, today)
        return _save(session, Resident(status=STATUS_ACTIVE, is_demo=False), cleaned)


def update(db, resident_id: int, data: dict, actor: str | None = None, today: date | None = None) -> None:
    """Change the keys present in ``data``; the rest stays as it is."""
    with db.unit_of_work(actor) as session:
        r = _editable(session, resident_id)
        cleaned = _validated(session, r, data, today)
        _save(session, r, cleaned)


def move_out(db, resident_id: int, on, reason: str | None = None, deceased: bool = False,
             actor: str | None = None, today: date | None = None) -> None:
    """迁出 or 死亡 on a date: the person leaves the active roster, the record and history stay."""
    with db.unit_of_work(actor) as session:
        r = _editable(session, resident_id)
        if r.status != STATUS_ACTIVE:
            raise UserError(translate("app", "{name} is no longer on the active roster").format(name=r.name))
        r.left_on = _left_on(on, today or date.today())
        r.left_reason = " ".join(str(reason or "").split()) or None
        r.status = STATUS_DECEASED if deceased else STATUS_MOVED_OUT


def _left_on(on, today: date) -> date:
    try:
        day = parse_date(on)
    except DateFormatError as error:
        message = translate("app", "{field}: {problem}").format(field=field_label("left_on"), problem=error.message)
        raise ValidationError({"left_on": message}) from error
    if day > today:
        raise ValidationError({"left_on": translate("app", "Date left {date} is in the future").format(date=day.isoformat())})
    return day


def remove(db, resident_id: int, actor: str | None = None) -> None:
    """Mark removed (who, when); nothing is deleted. ``restore`` brings the record back."""
    with db.unit_of_work(actor) as session:
        r = _load(session, resident_id)
        if r.removed_at is None:
            r.removed_at = now()
            r.removed_by = session.info.get("actor", audit.SYSTEM_ACTOR)


def restore(db, resident_id: int, actor: str | None = None) -> None:
    with db.unit_of_work(actor) as session:
        r = _load(session, resident_id)
        if r.removed_at is None:
            return
        if r.status == STATUS_ACTIVE:
            _check_unique(session, r, r.id_number, {})
        r.removed_at = None
        r.removed_by = None


def _reveal(db, resident_id: int, field: str, actor: str | None) -> str:
    with db.unit_of_work(actor) as session:
        value = getattr(_load(session, resident_id), field) or ""
        audit.record(session, "reveal", "residents", resident_id, {"field": field})
    return value


def reveal_id(db, resident_id: int, actor: str | None = None) -> str:
    """The full ID number, on purpose: the reveal is written to the audit log (who, when, what)."""
    return _reveal(db, resident_id, "id_number", actor)


def reveal_phones(db, resident_id: int, actor: str | None = None) -> str:
    """The full phone numbers (joined with 、), audited like ``reveal_id``."""
    return _reveal(db, resident_id, "phones", actor)
