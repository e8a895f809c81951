"""Many residents at once (import, demo data) and the roster's consistency checks.

``bulk_insert`` writes through SQLAlchemy Core, not the ORM: 100,000 rows in about a second.
Buildings, rooms and households are found or created in bulk from dictionaries loaded once, ids
are given out here (the unit of work holds SQLite's write lock), and the audit log gets one
summary entry instead of 100,000 row entries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from operator import itemgetter

from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.orm import Session

from app.i18n import translate
from app.jobs import JobControl, ensure
from app.residents.address import RoomAddress
from app.residents.idcard import check_id
from app.residents.masking import mask_id
from app.residents.queries import SEARCH_KEYS, search_value_columns, search_values
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

    def room(self, place: RoomAddress | tuple | None) -> int | None:
        """The room's id (made if new); ``place`` a RoomAddress or the plain tuple of its fields."""
        if place is None:
            return None
        number, unit, room_number, compound = place
        building = self.buildings.get((compound, number))
        if building is None:
            building = self.buildings[(compound, number)] = self._take("buildings")
            self.new["buildings"].append({"id": building, "compound": compound, "number": number})
        room = self.rooms.get((building, unit, room_number))
        if room is None:
            room = self.rooms[(building, unit, room_number)] = self._take("rooms")
            self.new["rooms"].append({"id": room, "building_id": building, "unit": unit, "room": room_number})
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


RESIDENT_KEYS = COLUMNS + ("id", "room_id", "household_id", *SEARCH_KEYS)
_ID, _HOUSEHOLD = RESIDENT_KEYS.index("id"), RESIDENT_KEYS.index("household_id")
_RELATION = COLUMNS.index("relation_to_head")
_IS_DEMO = COLUMNS.index("is_demo")


def _resident(row: dict, resident_id: int, ids: _Ids) -> tuple:
    """One resident's INSERT parameters, in RESIDENT_KEYS order (dates as SQLAlchemy's Date stores them)."""
    get = row.get
    name, former_name, id_number, registered = get("name"), get("former_name"), get("id_number"), get("registered_address")
    phones = _phones_text(get("phones"))
    birth, left = get("birth_date"), get("left_on")
    place = get("address")
    room_id = ids.room(place)
    household_id = ids.household(get("household_number"), room_id, registered)
    return (name, former_name, get("sex"), get("ethnicity"), birth.isoformat() if birth else None, id_number, phones,
            registered, get("grid"), get("relation_to_head"), get("residence_status"), get("person_type"),
            get("political_status"), get("education"), get("marital_status"), get("health"), get("employer"),
            get("status") or STATUS_ACTIVE, left.isoformat() if left else None, get("left_reason"), get("notes"),
            1 if get("is_demo") else 0, resident_id, room_id, household_id,
            *search_values(name, former_name, id_number, phones, place))


def _tag_rows(by_name: dict[str, int], rows: list[dict], first_id: int) -> list[tuple]:
    result = []
    for resident_id, row in enumerate(rows, first_id):
        tags = row.get("tags")
        if not tags:
            continue
        items = tags.items() if isinstance(tags, dict) else ((t, None) for t in tags)
        for tag, detail in items:
            tag_id = by_name[tag] if isinstance(tag, str) else int(tag)
            result.append((resident_id, tag_id, detail))
    return result


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


def _insert_tuples(session: Session, table, keys: tuple[str, ...], rows: list[tuple]) -> None:
    """INSERT positional rows (in ``keys`` order) with a prepared statement: no dict per row."""
    if not rows:
        return
    sql = f"INSERT INTO {table.name} ({', '.join(keys)}) VALUES ({', '.join('?' * len(keys))})"
    cursor = session.connection().connection.driver_connection.cursor()
    try:
        cursor.executemany(sql, rows)
    finally:
        cursor.close()


def search_columns_of(values: dict[str, list], count: int) -> list[list]:
    """The search columns (SEARCH_KEYS order, one list per key) of rows given by column, as
    ``BulkWriter.add_columns`` computes them."""
    none = [None] * count
    names, former, numbers, places = (values.get(key) or none for key in ("name", "former_name", "id_number", "address"))
    return search_value_columns(names, former, numbers, [_phones_text(value) for value in values.get("phones") or none], places)


class _BigCache:
    """A larger page cache while the indexes of many new rows are filled (taken only as needed):
    with SQLite's default 2 MiB, index pages are written and read back again."""

    PAGES = -16_384  # negative: KiB

    def __init__(self, session: Session):
        self.connection = session.connection()

    def __enter__(self):
        self.before = self.connection.exec_driver_sql("PRAGMA cache_size").scalar()
        self.connection.exec_driver_sql(f"PRAGMA cache_size={self.PAGES}")

    def __exit__(self, *_exc):
        self.connection.exec_driver_sql(f"PRAGMA cache_size={int(self.before)}")


class BulkWriter:
    """Inserts residents chunk by chunk within the caller's unit of work; ``finish`` writes the one
    audit entry. ``bulk_insert`` is this for a list; an import feeds it chunks as they are checked."""

    def __init__(self, session: Session):
        self.session = session
        self.ids = _Ids(session)
        self.tag_ids = dict(session.execute(select(Tag.name, Tag.id)).all())
        self.heads: dict[int, int] = {}
        self.counts = Counter()
        self.demo = False

    def add(self, rows: list[dict]) -> range:
        """Insert these rows; returns their new ids (consecutive, in order)."""
        ids = self.ids
        first = ids.next["residents"]
        residents = [_resident(row, resident_id, ids) for resident_id, row in enumerate(rows, first)]
        ids.next["residents"] = first + len(residents)
        self._write(residents, _tag_rows(self.tag_ids, rows, first))
        return range(first, first + len(residents))

    def add_columns(self, values: dict[str, list], count: int, search: list[list] | None = None) -> range:
        """``add`` for ``count`` rows given by column: ``values[key][i]`` is what row i's dict
        would hold under ``key`` (None for nothing), as importer_columns checks them. An import
        of 100,000 rows builds no dict per row. ``search``: ``search_columns_of(values, count)``
        if already computed (an import's reading process does). Birth dates may come as ISO text
        and places as plain tuples (what an import's reading process sends: quicker to pickle)."""
        ids, none = self.ids, [None] * count

        def column(key: str) -> list:
            return values.get(key) or none

        first = ids.next["residents"]
        resident_ids = range(first, first + count)
        ids.next["residents"] = first + count
        names, former, numbers, places, registered = (column(key) for key in (
            "name", "former_name", "id_number", "address", "registered_address"))
        phones = [_phones_text(value) for value in column("phones")]
        births = [birth if birth is None or birth.__class__ is str else birth.isoformat() for birth in column("birth_date")]
        room_ids = list(map(ids.room, places))
        household_ids = list(map(ids.household, column("household_number"), room_ids, registered))
        if search is None:
            search = search_value_columns(names, former, numbers, phones, places)
        residents = list(zip(
            names, former, column("sex"), column("ethnicity"), births, numbers, phones, registered, column("grid"),
            column("relation_to_head"), column("residence_status"), column("person_type"), column("political_status"),
            column("education"), column("marital_status"), column("health"), column("employer"),
            [status or STATUS_ACTIVE for status in column("status")], none, none, column("notes"), [0] * count,
            resident_ids, room_ids, household_ids, *search))
        tag_rows = [(resident_id, int(tag), detail) for resident_id, tags in zip(resident_ids, column("tags")) if tags
                    for tag, detail in tags.items()]
        self._write(residents, tag_rows)
        return resident_ids

    def _write(self, residents: list[tuple], tag_rows: list[tuple]) -> None:
        """New buildings, rooms and households first, then the residents and their tags."""
        ids, session = self.ids, self.session
        for table, model in (("buildings", Building), ("rooms", Room), ("households", Household)):
            _insert_many(session, model.__table__, ids.new[table])
            self.counts[table] += len(ids.new[table])
            ids.new[table] = []
        _insert_tuples(session, Resident.__table__, RESIDENT_KEYS, residents)
        _insert_tuples(session, ResidentTag.__table__, ("resident_id", "tag_id", "detail"), tag_rows)
        self.counts["residents"] += len(residents)
        self.counts["tags"] += len(tag_rows)
        self.demo = self.demo or any(values[_IS_DEMO] for values in residents)
        self._set_heads(residents)

    def _set_heads(self, residents: list[tuple]) -> None:
        """The first 户主 of each household (in insert order) becomes its head, if it has none.
        (Not written with the household: a reference to a row not yet written, its check deferred
        to the commit, makes SQLite look for referring rows at every insert, without an index.)"""
        heads = {}
        for values in residents:
            household = values[_HOUSEHOLD]
            if values[_RELATION] == HEAD and household is not None and household not in self.heads:
                self.heads[household] = heads[household] = values[_ID]
        if heads:  # straight through the sqlite3 cursor (what Core's UPDATE does, updated_at included)
            cursor = self.session.connection().connection.driver_connection.cursor()
            try:
                cursor.executemany("UPDATE households SET head_id = ?, updated_at = CURRENT_TIMESTAMP"
                                   " WHERE id = ? AND head_id IS NULL", [(r, h) for h, r in heads.items()])
            finally:
                cursor.close()

    def finish(self) -> None:
        counts = self.counts
        audit.record(self.session, "import", "residents", None, {
            "residents": counts["residents"], "buildings": counts["buildings"], "rooms": counts["rooms"],
            "households": counts["households"], "heads": len(self.heads), "tags": counts["tags"], "demo": self.demo,
        })


@contextmanager
def deferred_indexes(session: Session, defer: bool = True, unique_too: bool = False) -> Iterator[None]:
    """Without residents' secondary indexes while a big batch goes into a small table, rebuilt at
    the end (one sort each instead of 100,000 scattered inserts). Inside the caller's transaction:
    an error or a kill in between rolls the DROPs back too. The unique index on active ID numbers
    stays (a duplicate is refused at once, and the importer looks up known IDs with it) unless
    ``unique_too``: for an import into a roster without active residents, which looks up nothing
    and has weeded out its own duplicates; a duplicate would still fail the rebuild, and the
    whole import with it."""
    if not defer:
        yield
        return
    connection = session.connection()
    indexes = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL"
        " AND name != ?", (Resident.__tablename__, "" if unique_too else "uq_residents_active_id_number")).all()
    for name, _sql in indexes:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        connection.exec_driver_sql(sql)


def bulk_cache(session: Session) -> _BigCache:
    """``with bulk_cache(session):`` around many BulkWriter.add calls."""
    return _BigCache(session)


def bulk_insert(session: Session, rows: list[dict], job: JobControl | None = None, chunk: int = 10_000) -> list[int]:
    """Insert validated rows; returns their new ids in order.

    A row holds Resident column values (``id_number`` normalised, ``birth_date`` a date, ``phones``
    a list or 、-joined text), ``address`` (a RoomAddress or None), ``household_number`` and
    ``tags`` ({tag name or id: detail} or a list). Duplicate active ID numbers must have been
    weeded out: the unique index refuses them and the whole unit of work rolls back.
    """
    job = ensure(job)
    writer = BulkWriter(session)
    resident_ids: list[int] = []
    with _BigCache(session):
        for start in range(0, len(rows), chunk):
            resident_ids.extend(writer.add(rows[start:start + chunk]))
            job.report(len(resident_ids), len(rows))
    writer.finish()
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
