"""Walk-in requests (来访登记): register, find, take steps, remove — one transaction per action.

    create(db, {"resident_id": 7, "channel": "来访", "category": "维修", "content": "…"}) -> RequestRow
    query_ids(db, RequestQuery(text="楼道灯", overdue_only=True)) -> [ids]   (the database sorts)
    load_rows(db, ids) -> [RequestRow] (phones masked)          detail(db, id) -> RequestDetail
    advance(db, id, "交办", assignee="物业公司", deadline=…) -> EventRow

A request for a resident on the roster copies their name, first phone and address as a snapshot
when the form leaves those empty; anonymous requests (no name) are allowed.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import UserError, ValidationError
from app.i18n import translate
from app.links import link
from app.requests import workflow
from app.requests.rows import EventRow, RequestDetail, RequestRow, detail_in, event_rows, load_rows, make_row  # noqa: F401
from app.requests.rules import NUMBER_PREFIX, categories_in
from app.requests.search import RequestQuery, ids_statement, overdue_condition, refresh_search_columns
from app.requests.validation import clean
from app.residents.address import RoomAddress, format_room
from db import audit
from db.models import Building, Request, Resident, Room

PHONE_SEPARATOR = "、"
_NUMBER_TAIL = re.compile(r"-(\d+)$")


# --- numbers ----------------------------------------------------------------------------------


def number_prefix(day: date) -> str:
    return f"{NUMBER_PREFIX}-{day:%Y%m%d}-"


def _sequence(number: str, prefix: str) -> int:
    match = _NUMBER_TAIL.search(number) if number.startswith(prefix) else None
    return int(match.group(1)) if match else 0


def next_number(session: Session, day: date) -> str:
    """FW-20261127-003: the day's next number (3 digits, more after 999)."""
    prefix = number_prefix(day)
    numbers = session.scalars(select(Request.number).where(Request.number.like(prefix + "%")))
    highest = max((_sequence(n, prefix) for n in numbers), default=0)
    return f"{prefix}{highest + 1:03d}"


class NumberAllocator:
    """Numbers for many requests in one transaction (an import, the demo) without a query each,
    never reusing one that the database or the file being imported already holds."""

    def __init__(self, session: Session):
        self.session = session
        self._highest: dict[str, int] = {}
        self._reserved: set[str] = set()

    def reserve(self, number: str | None) -> None:
        if number:
            self._reserved.add(number)

    def reserve_all(self, numbers) -> None:
        for number in numbers:
            self.reserve(number)

    def next(self, day: date) -> str:
        prefix = number_prefix(day)
        if prefix not in self._highest:
            self._highest[prefix] = _sequence(next_number(self.session, day), prefix) - 1
        highest = max([self._highest[prefix], *(_sequence(n, prefix) for n in self._reserved if n.startswith(prefix))])
        self._highest[prefix] = highest + 1
        return f"{prefix}{highest + 1:03d}"


# --- the roster snapshot ----------------------------------------------------------------------


def resident_snapshot(session: Session, resident_id: int) -> tuple[str, str | None, str | None]:
    """(name, first phone, address) of a resident on the roster; UserError if there is none."""
    statement = (
        select(Resident, Building.compound, Building.number, Room.unit, Room.room)
        .outerjoin(Room, Room.id == Resident.room_id)
        .outerjoin(Building, Building.id == Room.building_id)
        .where(Resident.id == resident_id)
    )
    found = session.execute(statement).first()
    if found is None or found[0].removed_at is not None:
        raise ValidationError({"resident": translate("app", "This resident is not on the roster (any more).")})
    resident, compound, building, unit, room = found
    phone = (resident.phones or "").split(PHONE_SEPARATOR)[0] or None
    address = format_room(RoomAddress(building, unit or "", room or "", compound or "")) if building else None
    return resident.name, phone, address


# --- writing ----------------------------------------------------------------------------------


def add_request(session: Session, data: dict, actor: str, now: datetime | None = None,
                event_note: str | None = None, numbers: NumberAllocator | None = None) -> Request:
    """Register one request in the caller's transaction (the form's save, an import row, demo)."""
    cleaned = clean(data, now, categories_in(session))
    values = dict(cleaned.values)
    if values["resident_id"] is not None:
        name, phone, address = resident_snapshot(session, values["resident_id"])
        values["name"] = values["name"] or name
        values["phone"] = values["phone"] or phone
        values["address"] = values["address"] or address
    if values["number"] is None:
        day = values["registered_at"].date()
        values["number"] = numbers.next(day) if numbers is not None else next_number(session, day)
    elif session.scalar(select(Request.id).where(Request.number == values["number"])) is not None:
        raise ValidationError({"number": translate("app", "The number {number} is already in use.").format(number=values["number"])})
    values["receiver"] = values["receiver"] or actor
    request = Request(status=workflow.REGISTERED, is_demo=bool(data.get("is_demo")), **values)
    refresh_search_columns(request)
    session.add(request)
    session.flush()
    session.add(workflow.register_event(request, actor, event_note))
    at = values["registered_at"]
    if cleaned.solved_on_spot:
        workflow.apply_step(session, request, workflow.SOLVE_ON_SPOT, actor, at=at, note=cleaned.handling)
    elif values["assignee"]:
        workflow.apply_step(session, request, workflow.ASSIGN, actor, at=at, assignee=values["assignee"])
    session.flush()
    return request


def create(db, data: dict, now: datetime | None = None) -> RequestRow:
    """Register a request from the counter form. Raises ValidationError naming the fields."""
    with db.unit_of_work() as session:
        request = add_request(session, data, session.info["actor"], now)
        return make_row(request, (now or datetime.now()).date())


EDITABLE = ("channel", "category", "content", "name", "phone", "address", "resident_id", "external_number", "receiver")


def update(db, request_id: int, data: dict, now: datetime | None = None) -> RequestRow:
    """Correct what was typed at registration (not the steps: those go through ``advance``)."""
    with db.unit_of_work() as session:
        request = _get(session, request_id)
        merged = {key: getattr(request, key) for key in EDITABLE}
        merged.update({key: value for key, value in data.items() if key in EDITABLE})
        merged.update(registered_at=request.registered_at, deadline=request.deadline, number=None)
        values = clean(merged, now, categories_in(session)).values
        if values["resident_id"] is not None and values["resident_id"] != request.resident_id:
            resident_snapshot(session, values["resident_id"])
        for key in EDITABLE:
            setattr(request, key, values[key])
        refresh_search_columns(request)
        session.flush()
        return make_row(request, (now or datetime.now()).date())


def _get(session: Session, request_id: int, allow_removed: bool = False) -> Request:
    request = session.get(Request, request_id)
    if request is None or (request.removed_at is not None and not allow_removed):
        raise UserError(translate("app", "This request no longer exists; it may have been removed meanwhile."))
    return request


def advance(db, request_id: int, step: str, note: str | None = None, assignee: str | None = None,
            deadline: date | None = None, result: str | None = None, at: datetime | None = None) -> EventRow:
    """Take one step on a request (交办, 办结, 回访 …). Illegal steps raise UserError."""
    with db.unit_of_work() as session:
        request = _get(session, request_id)
        event = workflow.apply_step(session, request, step, session.info["actor"], at=at, note=note,
                                    assignee=assignee, deadline=deadline, result=result)
        return next(e for e in event_rows(session, request.id) if e.id == event.id)


def remove(db, request_id: int) -> None:
    """Mark removed (never deleted), with who and when; the audit log keeps the row."""
    with db.unit_of_work() as session:
        request = _get(session, request_id)
        request.removed_at = datetime.now().replace(microsecond=0)
        request.removed_by = session.info["actor"]


def restore(db, request_id: int) -> None:
    with db.unit_of_work() as session:
        request = _get(session, request_id, allow_removed=True)
        request.removed_at = None
        request.removed_by = None


def link_to(db, request_id: int, kind: str, other_id: int, note: str | None = None) -> None:
    """Link a request to a repair job, agenda item or project (both ends see it)."""
    with db.unit_of_work() as session:
        _get(session, request_id)
        link(session, "request", request_id, kind, other_id, note)


def reveal_phone(db, request_id: int) -> str:
    """The full phone number, on purpose; the reveal is audited (who, when, which request)."""
    with db.unit_of_work() as session:
        request = _get(session, request_id, allow_removed=True)
        audit.record(session, "reveal", "requests", request.id, {"field": "phone"})
        return request.phone or ""


# --- reading ----------------------------------------------------------------------------------


def query_ids(db, q: RequestQuery = RequestQuery(), today: date | None = None) -> list[int]:
    with db.reading() as session:
        return list(session.scalars(ids_statement(q, today)))


def detail(db, request_id: int, today: date | None = None) -> RequestDetail:
    with db.reading() as session:
        found = detail_in(session, request_id, today)
    if found is None:
        raise UserError(translate("app", "This request no longer exists; it may have been removed meanwhile."))
    return found


def count_active(session: Session) -> int:
    return session.scalar(select(func.count(Request.id)).where(Request.removed_at.is_(None))) or 0


def count_overdue(db, today: date | None = None) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count(Request.id)).where(
            Request.removed_at.is_(None), overdue_condition(today))) or 0


def recent_assignees(db, limit: int = 60) -> list[str]:
    """Units and people requests went to, most used first: suggestions for the 交办 field."""
    statement = (select(Request.assignee, func.count(Request.id)).where(Request.assignee.is_not(None))
                 .group_by(Request.assignee).order_by(func.count(Request.id).desc()).limit(limit))
    with db.reading() as session:
        return [name for name, _count in session.execute(statement)]
