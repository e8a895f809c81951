"""What the request screens receive: plain frozen rows, never ORM objects.

Phones arrive masked (139****1031); ``service.reveal_phone`` gives the full number and is audited.
``overdue`` is computed for the day given (today by default): not finished and the deadline passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import translate
from app.links import LinkRow, linked
from app.requests.search import days_overdue
from app.requests.workflow import allowed_steps
from app.residents.masking import mask_phone
from db.models import Request, RequestEvent, Resident

BATCH = 500


@dataclass(frozen=True)
class RequestRow:
    id: int
    number: str
    registered_at: datetime
    channel: str
    resident_id: int | None
    name: str  # the requester as registered; "" when anonymous
    phone_masked: str
    address: str
    category: str
    content: str
    receiver: str
    assignee: str
    deadline: date | None
    status: str
    finished_at: datetime | None
    follow_up: str
    external_number: str
    days_overdue: int  # 0 unless overdue
    archived: bool
    removed: bool
    is_demo: bool

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0

    @property
    def requester(self) -> str:
        return self.name or translate("app", "Anonymous")


@dataclass(frozen=True)
class EventRow:
    id: int
    step: str
    at: datetime
    actor: str
    note: str
    assignee: str
    deadline: date | None
    result: str
    from_status: str
    to_status: str


@dataclass(frozen=True)
class RequestDetail:
    row: RequestRow
    handling: str
    followed_up_at: datetime | None
    archived_at: datetime | None
    resident_name: str  # the roster's current name when linked ("" otherwise)
    has_phone: bool
    created_at: datetime | None
    updated_at: datetime | None
    removed_at: datetime | None
    removed_by: str
    events: tuple[EventRow, ...]
    links: tuple[LinkRow, ...]
    allowed_steps: tuple[str, ...]


def make_row(r: Request, today: date) -> RequestRow:
    return RequestRow(
        id=r.id, number=r.number, registered_at=r.registered_at, channel=r.channel, resident_id=r.resident_id,
        name=r.name or "", phone_masked=mask_phone(r.phone) if r.phone else "", address=r.address or "",
        category=r.category, content=r.content, receiver=r.receiver or "", assignee=r.assignee or "",
        deadline=r.deadline, status=r.status, finished_at=r.finished_at, follow_up=r.follow_up or "",
        external_number=r.external_number or "", days_overdue=days_overdue(r.status, r.deadline, today),
        archived=r.archived_at is not None, removed=r.removed_at is not None, is_demo=bool(r.is_demo),
    )


def load_rows(db, ids: list[int], today: date | None = None) -> list[RequestRow]:
    """Rows for ``ids`` in the order given (ids that no longer exist are left out)."""
    today = today or date.today()
    found: dict[int, RequestRow] = {}
    with db.reading() as session:
        for start in range(0, len(ids), BATCH):
            batch = list(ids[start:start + BATCH])
            for r in session.scalars(select(Request).where(Request.id.in_(batch))):
                found[r.id] = make_row(r, today)
    return [found[i] for i in ids if i in found]


def event_rows(session: Session, request_id: int) -> tuple[EventRow, ...]:
    statement = select(RequestEvent).where(RequestEvent.request_id == request_id).order_by(RequestEvent.at, RequestEvent.id)
    return tuple(
        EventRow(e.id, e.step, e.at, e.actor, e.note or "", e.assignee or "", e.deadline, e.result or "",
                 e.from_status or "", e.to_status)
        for e in session.scalars(statement)
    )


def detail_in(session: Session, request_id: int, today: date | None = None) -> RequestDetail | None:
    r = session.get(Request, request_id)
    if r is None:
        return None
    resident_name = session.scalar(select(Resident.name).where(Resident.id == r.resident_id)) if r.resident_id else None
    removed = r.removed_at is not None
    return RequestDetail(
        row=make_row(r, today or date.today()), handling=r.handling or "", followed_up_at=r.followed_up_at,
        archived_at=r.archived_at, resident_name=resident_name or "", has_phone=bool(r.phone),
        created_at=r.created_at, updated_at=r.updated_at, removed_at=r.removed_at, removed_by=r.removed_by or "",
        events=event_rows(session, r.id), links=tuple(linked(session, "request", r.id)),
        allowed_steps=() if removed else allowed_steps(r.status, r.follow_up, r.archived_at is not None),
    )


def link_labels(session: Session, ids: list[int]) -> dict[int, str]:
    """How a request appears in another record's list of links: 编号 and the start of the content."""
    statement = select(Request.id, Request.number, Request.content).where(Request.id.in_(ids))
    return {i: f"{number} {_shorten(content, 24)}" for i, number, content in session.execute(statement)}


def _shorten(text: str, size: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= size else text[: size - 1] + "…"
