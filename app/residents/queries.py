"""Finding residents: ids-first queries the database sorts and filters, and the search keys.

``query_ids`` answers one ``SELECT id … WHERE … ORDER BY …`` (indexed sort columns, search as one
scan over precomputed columns); the table then loads rows for the ids it shows (rows.load_rows).
``search_columns`` computes those precomputed columns; every write goes through it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy import ColumnElement, String, and_, select, true, type_coerce
from sqlalchemy.sql import operators
from sqlalchemy.sql.expression import UnaryExpression

from app.residents.address import RoomAddress, format_room_short
from app.residents.phones import phone_digits
from app.residents.search_keys import QueryKind, classify_query, full_pinyin, normalize_search_text, pinyin_keys
from app.residents.validation import PHONE_SEPARATOR
from db.models import Building, Resident, ResidentTag, Room
from db.models.residents import STATUS_ACTIVE, sort_index_columns


# sort key -> columns, most significant first; the id is always the last tie-breaker. A key with
# a covering index of its own (SORT_INDEXES in db/models/residents.py) sorts by exactly the index's
# columns (…, status, removed_at), so SQLite reads the index in order and sorts nothing. The keys
# of few values (_then_name, and grid) are sorted after one read of ix_residents_sort_keys, a
# narrow index holding them all (60–110 ms at 96,000 residents). The keys in UNINDEXED_SORT_KEYS
# cost a full table sort of a short key (65–90 ms: most rows have one phone and no left_on;
# updated_at is mostly empty).


def _indexed(key: str) -> tuple:
    return tuple(getattr(Resident, column) for column in sort_index_columns(key))


def _then_name(column: str) -> tuple:
    return getattr(Resident, column), Resident.name_pinyin


SORT_KEYS: dict[str, tuple] = {
    "name": _indexed("name_pinyin"),
    "sex": _then_name("sex"),
    "age": _indexed("birth_date"),  # ascending age = latest birth first: reversed below
    "birth_date": _indexed("birth_date"),
    "id_number": _indexed("id_number"),
    "phones": (Resident.phone_digits,),
    "address": _indexed("address_key"),
    "grid": (Resident.grid, Resident.address_key),
    "relation_to_head": _then_name("relation_to_head"),
    "residence_status": _then_name("residence_status"),
    "person_type": _then_name("person_type"),
    "political_status": _then_name("political_status"),
    "education": _then_name("education"),
    "marital_status": _then_name("marital_status"),
    "status": _then_name("status"),
    "left_on": (Resident.left_on,),
    "created_at": (Resident.id,),  # ids are given out in order: the rowid is creation order
    "updated_at": (Resident.updated_at,),
}
UNINDEXED_SORT_KEYS = frozenset({"phones", "left_on", "updated_at"})
_REVERSED_KEYS = {"age"}


@dataclass(frozen=True)
class ResidentQuery:
    """What the roster shows. ``status=None`` means every status; ``tag_ids`` match any of them."""

    text: str = ""
    building_id: int | None = None
    compound: str | None = None
    room_id: int | None = None
    tag_ids: tuple[int, ...] = ()
    residence_status: str | None = None
    political_status: str | None = None
    person_type: str | None = None
    grid: str | None = None
    min_age: int | None = None
    max_age: int | None = None
    status: str | tuple[str, ...] | None = STATUS_ACTIVE
    include_removed: bool = False
    only_removed: bool = False
    sort_key: str = "name"
    descending: bool = False


# --- precomputed search columns -------------------------------------------------------------


def _pad(part: str) -> str:
    return part.zfill(6) if part.isdigit() else part


def address_key(place: RoomAddress | None) -> str:
    """Sorts 安居苑 2-1-101 before 安居苑 10-1-101 (numbers padded)."""
    if place is None:
        return ""
    return "|".join((place.compound, _pad(place.building), _pad(place.unit), _pad(place.room)))


@lru_cache(maxsize=65_536)
def name_keys(name: str) -> tuple[str, str]:
    """(pinyin initials, full pinyin) of a name; names repeat, so an import computes few."""
    return pinyin_keys(name), full_pinyin(name)


@lru_cache(maxsize=65_536)
def _place_keys(place: RoomAddress) -> tuple[str, str, str]:
    """(3-2-401, compound, address_key) of a place: rooms repeat within households."""
    building, unit, room, compound = place.building, place.unit, place.room, place.compound
    short = f"{building}-{unit}-{room}" if building and unit and room else format_room_short(place)
    key = "|".join((compound, building.zfill(6) if building.isdigit() else building,
                    unit.zfill(6) if unit.isdigit() else unit, room.zfill(6) if room.isdigit() else room))
    return short, compound, key


SEARCH_KEYS = ("name_pinyin", "name_initials", "phone_digits", "address_key", "search_text")


def search_values(name: str, former_name: str | None, id_number: str | None, phones: str | None,
                  place: RoomAddress | None) -> tuple[str, str, str, str, str]:
    """search_columns as a tuple in SEARCH_KEYS order (bulk inserts build no dict per row)."""
    initials, pinyin = name_keys(name)
    digits = phones_search_digits(phones) if phones else ""
    short, compound, key = _place_keys(place) if place else ("", "", "")
    blob = "|".join((name, former_name or "", initials, pinyin, id_number or "", digits, short, compound))
    return pinyin, initials, digits, key, blob.lower()


_NO_PLACE_KEYS = ("", "", "")


def search_value_columns(names: list, former: list, numbers: list, phones: list, places: list) -> list[list]:
    """search_values of many rows given by column, as one list per SEARCH_KEYS key: the same
    values (a test compares), a map per step instead of a call per row (an import's 100,000)."""
    if not names:
        return [[] for _ in SEARCH_KEYS]
    initials, pinyins = zip(*map(name_keys, names))
    digits = [phones_search_digits(value) if value else "" for value in phones]
    shorts, compounds, keys = zip(*[_place_keys(place) if place else _NO_PLACE_KEYS for place in places])
    blobs = map("|".join, zip(names, [value or "" for value in former], initials, pinyins,
                              [value or "" for value in numbers], digits, shorts, compounds))
    return [list(pinyins), list(initials), digits, list(keys), list(map(str.lower, blobs))]


def phones_search_digits(phones: str) -> str:
    """The digits of each stored phone, space-separated (phone_digits of a 、-joined cell)."""
    if phones.isdigit() and phones.isascii():  # one plain mobile: its own digits
        return phones
    return " ".join(p if p.isdigit() and p.isascii() else phone_digits(p) for p in phones.split(PHONE_SEPARATOR) if p)


def search_columns(name: str, former_name: str | None, id_number: str | None, phones: str | None,
                   place: RoomAddress | None) -> dict[str, str]:
    """The precomputed columns of one resident: sort key, initials, digits and the search blob."""
    return dict(zip(SEARCH_KEYS, search_values(name, former_name, id_number, phones, place)))


# --- the query ------------------------------------------------------------------------------
#
# SQLite's planner, left alone, seeks any index whose first column has an equality ("status =
# 'active'") and then fetches 100,000 rows one at a time in index order: 150–400 ms. So the plan is
# chosen here, with SQLite's unary plus (``+column`` keeps a term from using an index):
# - status and removed_at are always +status / +removed_at, checked inside whichever index or
#   table is being read;
# - no filter: the sort key's covering index is read in order (about 40 ms for 100,000 rows); the
#   name index also holds search_text, so a typed search sorted by name is answered from it too;
# - selective filters (building, room, tag, 政治面貌, 人户状态) seek their index;
# - anything else (age, grid, a search sorted by another key) is checked during one sequential
#   scan of the table, the matches sorted afterwards (+ on the sort columns prevents an index walk).


def plus(column) -> ColumnElement:
    """``+column``: the same value, but SQLite will not use an index for it."""
    return UnaryExpression(column, operator=operators.custom_op("+"), type_=column.type)


def _contains(column, text: str) -> ColumnElement:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return plus(column).like(f"%{escaped}%", escape="\\")


def _address_condition(kind: QueryKind) -> ColumnElement:
    building, unit, room = kind.address
    rooms = select(Room.id).join(Building, Building.id == Room.building_id).where(Building.number == building)
    if unit:
        rooms = rooms.where(Room.unit == unit)
    if room:
        rooms = rooms.where(Room.room == room)
    if kind.compound:
        rooms = rooms.where(_contains(Building.compound, kind.compound))
    return Resident.room_id.in_(rooms)


def _term_condition(kind: QueryKind) -> ColumnElement:
    """An address finds rooms; anything else is looked for in the search blob (name | initials |
    pinyin | ID | phone digits | 3-2-401 | compound): 秀兰, zxl, zhang, 1002x, 1391234, 安居苑."""
    if kind.kind == "address":
        return _address_condition(kind)
    if kind.kind == "digits":
        return _contains(Resident.search_text, kind.digits.lower())
    return _contains(Resident.search_text, kind.text.lower())


def _terms(text: str) -> list[QueryKind]:
    """Words separated by spaces must all match (张 安居苑), unless the whole query already means
    one thing (a phone typed with spaces, zhang xiu, 3号楼 2单元)."""
    whole = classify_query(text)
    if whole.kind == "empty":
        return []
    words = normalize_search_text(text).split()
    if whole.kind in ("address", "digits", "initials") or len(words) < 2:
        return [whole]
    return [term for term in (classify_query(word) for word in words) if term.kind != "empty"]


def text_condition(text: str) -> ColumnElement:
    """One typed query: an address, digits of an ID or phone, pinyin letters, or words."""
    terms = _terms(text)
    return and_(*(_term_condition(term) for term in terms)) if terms else true()


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year - years, day=28)


def _status_conditions(q: ResidentQuery) -> list[ColumnElement]:
    conditions = []
    if q.status is not None:
        statuses = (q.status,) if isinstance(q.status, str) else tuple(q.status)
        status = plus(Resident.status)
        conditions.append(status.in_(statuses) if len(statuses) > 1 else status == statuses[0])
    if q.only_removed:
        conditions.append(plus(Resident.removed_at).is_not(None))
    elif not q.include_removed:
        conditions.append(plus(Resident.removed_at).is_(None))
    return conditions


def _place_conditions(q: ResidentQuery) -> list[ColumnElement]:
    conditions = []
    if q.room_id is not None:
        conditions.append(Resident.room_id == q.room_id)
    if q.building_id is not None:
        conditions.append(Resident.room_id.in_(select(Room.id).where(Room.building_id == q.building_id)))
    if q.compound is not None:
        buildings = select(Building.id).where(Building.compound == q.compound)
        conditions.append(Resident.room_id.in_(select(Room.id).where(Room.building_id.in_(buildings))))
    return conditions


def filters(q: ResidentQuery, today: date | None = None) -> list[ColumnElement]:
    """The conditions of ``q`` other than status, removal and the typed text."""
    today = today or date.today()
    result = _place_conditions(q)
    for column, value in ((Resident.residence_status, q.residence_status), (Resident.political_status, q.political_status),
                          (plus(Resident.person_type), q.person_type), (plus(Resident.grid), q.grid)):
        if value is not None:
            result.append(column == value)
    if q.tag_ids:
        tagged = select(ResidentTag.resident_id).where(ResidentTag.tag_id.in_(tuple(q.tag_ids)))
        result.append(Resident.id.in_(tagged))
    birth = type_coerce(plus(Resident.birth_date), String)  # ISO text: no bind processor needed
    if q.min_age is not None:
        result.append(birth <= years_before(today, q.min_age).isoformat())
    if q.max_age is not None:
        result.append(birth > years_before(today, q.max_age + 1).isoformat())
    return result


def order_by(sort_key: str, descending: bool = False, walk_index: bool = True) -> list:
    """ORDER BY for a sort key; without ``walk_index`` the matches are sorted afterwards."""
    if sort_key not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort_key!r}; known: {', '.join(SORT_KEYS)}")
    columns = [c if walk_index else plus(c) for c in SORT_KEYS[sort_key]] + [Resident.id]
    backwards = descending != (sort_key in _REVERSED_KEYS)
    return [column.desc() if backwards else column.asc() for column in columns]


def ids_statement(q: ResidentQuery, today: date | None = None):
    narrowing = filters(q, today)
    terms = _terms(q.text or "")
    blob_only = all(term.kind != "address" for term in terms)
    walk_index = not narrowing and (not terms or (q.sort_key == "name" and blob_only))
    conditions = [*_status_conditions(q), *narrowing, *(_term_condition(term) for term in terms)]
    return select(Resident.id).where(*conditions).order_by(*order_by(q.sort_key, q.descending, walk_index))


def fetch_ids(session, statement) -> list[int]:
    """The ids a SELECT id … returns, read straight from the sqlite3 cursor.

    For 100,000 ids SQLAlchemy's result machinery adds 50–100 ms to the 40 ms SQLite needs; the
    statement is still built and compiled by SQLAlchemy (parameters bound, never pasted in).
    """
    connection = session.connection()
    compiled = statement.compile(dialect=connection.dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.construct_params()
    args = [params[name] for name in compiled.positiontup or ()]
    if not all(isinstance(a, (str, int, float)) for a in args):
        return list(session.scalars(statement))  # a value that needs SQLAlchemy's conversion
    cursor = connection.connection.driver_connection.cursor()
    try:
        return [row_id for (row_id,) in cursor.execute(compiled.string, args)]
    finally:
        cursor.close()


def query_ids(db, q: ResidentQuery = ResidentQuery(), today: date | None = None) -> list[int]:
    """Ids of the residents ``q`` shows, in its order (the database filters and sorts)."""
    with db.reading() as session:
        return fetch_ids(session, ids_statement(q, today))


def clear_place_keys() -> None:
    """Forget the places cached by search_values (after a big import)."""
    _place_keys.cache_clear()
