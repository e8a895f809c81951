"""Finding repair jobs, volunteers and checks: precomputed search columns and ids-first queries.

Search runs over ``search_text`` (单号, name and its pinyin initials, address, item, fault; lower
case) and ``phone_digits``. Filters: status, category, outcome, volunteer, date range. The
database sorts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, exists, or_, select, true

from app.residents.address import format_room_short, parse_room
from app.residents.phones import phone_digits
from app.residents.search_keys import normalize_search_text, pinyin_keys
from db.models import RepairJob, RepairVolunteer, SafetyCheck, Volunteer


@dataclass(frozen=True)
class JobQuery:
    text: str = ""
    status: str | tuple[str, ...] | None = None
    category: str | None = None
    outcome: str | None = None
    volunteer_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    resident_id: int | None = None
    include_removed: bool = False
    sort_key: str = "job_date"
    descending: bool = True


SORT_KEYS: dict[str, tuple] = {
    "number": (RepairJob.number,),
    "job_date": (RepairJob.job_date, RepairJob.number),
    "name": (RepairJob.name, RepairJob.job_date),
    "address": (RepairJob.address, RepairJob.job_date),
    "item": (RepairJob.item, RepairJob.job_date),
    "category": (RepairJob.category, RepairJob.job_date),
    "status": (RepairJob.status, RepairJob.job_date),
    "outcome": (RepairJob.outcome, RepairJob.job_date),
    "appointment": (RepairJob.appointment,),
    "finished_at": (RepairJob.finished_at,),
    "satisfaction": (RepairJob.satisfaction, RepairJob.job_date),
}


def _joined(*parts: str | None) -> str:
    return normalize_search_text("|".join(p or "" for p in parts)).lower()


def _room_short(address: str | None) -> str:
    room = parse_room(address) if address else None
    return format_room_short(room) if room else ""


def refresh_job_search(job: RepairJob) -> None:
    name = job.name or ""
    job.search_text = _joined(job.number, name, pinyin_keys(name) if name else "", job.address,
                              _room_short(job.address), job.item, job.fault, job.result_note)
    job.phone_digits = phone_digits(job.phone or "")


def refresh_volunteer_search(volunteer: Volunteer) -> None:
    volunteer.search_text = _joined(volunteer.number, volunteer.name, pinyin_keys(volunteer.name), volunteer.skills)
    volunteer.phone_digits = phone_digits(volunteer.phone or "")


def refresh_check_search(check: SafetyCheck) -> None:
    name = check.name or ""
    check.search_text = _joined(check.number, name, pinyin_keys(name) if name else "", check.address,
                                _room_short(check.address), check.notes)


def like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def text_condition(text: str, search_column, digits_column=None) -> ColumnElement:
    """Every word must match somewhere (张 风扇 finds 张's fan)."""
    conditions = []
    for word in normalize_search_text(text).split():
        digits = "".join(c for c in word if c.isdigit())
        condition = search_column.like(like(word.lower()), escape="\\")
        if digits_column is not None and len(digits) >= 3 and digits == word.replace("-", ""):
            condition = or_(condition, digits_column.like(like(digits), escape="\\"))
        conditions.append(condition)
    return and_(*conditions) if conditions else true()


def job_conditions(q: JobQuery) -> list[ColumnElement]:
    result: list[ColumnElement] = []
    if not q.include_removed:
        result.append(RepairJob.removed_at.is_(None))
    if q.status is not None:
        result.append(RepairJob.status.in_((q.status,) if isinstance(q.status, str) else tuple(q.status)))
    if q.category is not None:
        result.append(RepairJob.category == q.category)
    if q.outcome is not None:
        result.append(RepairJob.outcome == q.outcome)
    if q.date_from is not None:
        result.append(RepairJob.job_date >= q.date_from)
    if q.date_to is not None:
        result.append(RepairJob.job_date <= q.date_to)
    if q.resident_id is not None:
        result.append(RepairJob.resident_id == q.resident_id)
    if q.volunteer_id is not None:
        result.append(exists().where(RepairVolunteer.job_id == RepairJob.id, RepairVolunteer.removed_at.is_(None),
                                     RepairVolunteer.volunteer_id == q.volunteer_id))
    if q.text and q.text.strip():
        result.append(text_condition(q.text, RepairJob.search_text, RepairJob.phone_digits))
    return result


def job_ids_statement(q: JobQuery):
    if q.sort_key not in SORT_KEYS:
        raise ValueError(f"unknown sort key {q.sort_key!r}; known: {', '.join(SORT_KEYS)}")
    columns = (*SORT_KEYS[q.sort_key], RepairJob.id)
    order = [c.desc() if q.descending else c.asc() for c in columns]
    return select(RepairJob.id).where(*job_conditions(q)).order_by(*order)
