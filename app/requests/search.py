"""Finding requests: the precomputed search columns and the ids-first query.

Search runs over ``search_text`` (编号, 12345 工单号, name and its pinyin initials, address, content,
assignee; lower case) and ``phone_digits``; a query of digits also matches inside 编号 and 工单号.
Filters: status, category, channel, registration date range, overdue only. The database sorts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_, select, true

from app.residents.address import format_room_short, parse_room
from app.residents.phones import phone_digits
from app.residents.search_keys import normalize_search_text, pinyin_keys
from db.models import Request

OPEN = ("受理", "交办", "办理")  # kept equal to workflow.OPEN_STATUSES (workflow imports this module)


@dataclass(frozen=True)
class RequestQuery:
    text: str = ""
    status: str | tuple[str, ...] | None = None
    category: str | None = None
    channel: str | None = None
    date_from: date | None = None  # registered on or after
    date_to: date | None = None  # registered on or before
    overdue_only: bool = False
    resident_id: int | None = None
    include_removed: bool = False
    only_removed: bool = False
    sort_key: str = "registered_at"
    descending: bool = True


SORT_KEYS: dict[str, tuple] = {
    "number": (Request.number,),
    "registered_at": (Request.registered_at,),
    "channel": (Request.channel, Request.registered_at),
    "name": (Request.name, Request.registered_at),
    "category": (Request.category, Request.registered_at),
    "assignee": (Request.assignee, Request.registered_at),
    "deadline": (Request.deadline, Request.registered_at),
    "status": (Request.status, Request.deadline),
    "finished_at": (Request.finished_at,),
    "follow_up": (Request.follow_up, Request.registered_at),
}


def refresh_search_columns(request: Request) -> None:
    """Recompute ``search_text`` and ``phone_digits`` after any write to the request."""
    name = request.name or ""
    room = parse_room(request.address) if request.address else None
    parts = (request.number or "", request.external_number or "", name, pinyin_keys(name) if name else "",
             request.address or "", format_room_short(room) if room else "", request.content or "",
             request.assignee or "", request.category or "")
    request.search_text = normalize_search_text("|".join(parts)).lower()
    request.phone_digits = phone_digits(request.phone or "")


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _contains(column, text: str) -> ColumnElement:
    return column.like(_like(text), escape="\\")


def _word_condition(word: str) -> ColumnElement:
    digits = "".join(c for c in word if c.isdigit())
    if digits and len(digits) >= 3 and digits == word.replace("-", ""):
        return or_(_contains(Request.phone_digits, digits), _contains(Request.search_text, word.lower()))
    return _contains(Request.search_text, word.lower())


def text_condition(text: str) -> ColumnElement:
    """Every word must match somewhere (张 楼道灯 finds 张's request about the stairwell light)."""
    words = normalize_search_text(text).split()
    if not words:
        return true()
    return and_(*(_word_condition(word) for word in words))


def overdue_condition(today: date | None = None) -> ColumnElement:
    """Not finished and the deadline has passed (the deadline day itself still counts as in time)."""
    today = today or date.today()
    return and_(Request.status.in_(OPEN), Request.deadline.is_not(None), Request.deadline < today)


def is_overdue(status: str, deadline: date | None, today: date | None = None) -> bool:
    return status in OPEN and deadline is not None and deadline < (today or date.today())


def days_overdue(status: str, deadline: date | None, today: date | None = None) -> int:
    return (today or date.today()).toordinal() - deadline.toordinal() if is_overdue(status, deadline, today) else 0


def conditions(q: RequestQuery, today: date | None = None) -> list[ColumnElement]:
    result: list[ColumnElement] = []
    if q.only_removed:
        result.append(Request.removed_at.is_not(None))
    elif not q.include_removed:
        result.append(Request.removed_at.is_(None))
    if q.status is not None:
        statuses = (q.status,) if isinstance(q.status, str) else tuple(q.status)
        result.append(Request.status.in_(statuses))
    if q.category is not None:
        result.append(Request.category == q.category)
    if q.channel is not None:
        result.append(Request.channel == q.channel)
    if q.date_from is not None:
        result.append(Request.registered_at >= datetime.combine(q.date_from, datetime.min.time()))
    if q.date_to is not None:
        result.append(Request.registered_at < datetime.combine(q.date_to + timedelta(days=1), datetime.min.time()))
    if q.resident_id is not None:
        result.append(Request.resident_id == q.resident_id)
    if q.overdue_only:
        result.append(overdue_condition(today))
    if q.text and q.text.strip():
        result.append(text_condition(q.text))
    return result


def order_by(sort_key: str, descending: bool) -> list:
    if sort_key not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort_key!r}; known: {', '.join(SORT_KEYS)}")
    columns = (*SORT_KEYS[sort_key], Request.id)
    return [column.desc() if descending else column.asc() for column in columns]


def ids_statement(q: RequestQuery, today: date | None = None):
    return select(Request.id).where(*conditions(q, today)).order_by(*order_by(q.sort_key, q.descending))
