"""The team's volunteers and their hours.

Hours count actual service only: the minutes entered per volunteer on repair jobs and safety checks
that are not removed, dated (job date / check date) within the period. A small list (dozens), so
it is loaded whole; the screen may sort and filter it with a proxy model.

    create_volunteer(db, {"name": "马永福", "skills": "电工、家电", "phone": "13995001234"}) -> id
    list_volunteers(db, date(2026, 11, 1), date(2026, 11, 30)) -> [VolunteerRow with minutes]
    services_of(db, volunteer_id, start, end) -> [ServiceLine] (the certificate's list)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import UserError, ValidationError
from app.i18n import translate
from app.repairs.rules import VOLUNTEER_PREFIX, split_skills
from app.repairs.search import refresh_volunteer_search, text_condition
from app.repairs.validation import clean_volunteer
from app.residents.masking import mask_phone
from db import audit
from db.models import RepairJob, RepairVolunteer, SafetyCheck, SafetyCheckVolunteer, Volunteer

_NUMBER = re.compile(r"^ZY-(\d+)$")


@dataclass(frozen=True)
class VolunteerRow:
    id: int
    number: str
    name: str
    skills: tuple[str, ...]
    phone_masked: str
    active: bool
    resident_id: int | None
    notes: str
    jobs: int  # repair jobs in the period
    checks: int  # safety checks in the period
    minutes: int  # actual service in the period
    is_demo: bool
    removed: bool


@dataclass(frozen=True)
class ServiceLine:
    """One service on a certificate: a repair job or a safety check, with the hours it counted."""

    day: date
    kind: str  # "repair" | "safety_check"
    number: str
    what: str  # 维修：电风扇 / 安全隐患排查
    minutes: int


def next_volunteer_number(session: Session) -> str:
    numbers = session.scalars(select(Volunteer.number).where(Volunteer.number.like(VOLUNTEER_PREFIX + "-%")))
    highest = max((int(m.group(1)) for n in numbers if (m := _NUMBER.match(n))), default=0)
    return f"{VOLUNTEER_PREFIX}-{highest + 1:04d}"


def _gone() -> UserError:
    return UserError(translate("app", "This volunteer is no longer on the list; they may have been removed meanwhile."))


def _get(session: Session, volunteer_id: int, allow_removed: bool = False) -> Volunteer:
    volunteer = session.get(Volunteer, volunteer_id)
    if volunteer is None or (volunteer.removed_at is not None and not allow_removed):
        raise _gone()
    return volunteer


def _check_number(session: Session, number: str, own_id: int | None) -> None:
    other = session.scalar(select(Volunteer.id).where(Volunteer.number == number))
    if other is not None and other != own_id:
        raise ValidationError({"number": translate("app", "The volunteer number {number} is already in use.").format(number=number)})


def add_volunteer(session: Session, data: dict) -> Volunteer:
    """Add one volunteer in the caller's transaction; the number is the next ZY-0000 unless given."""
    values = clean_volunteer(data)
    values["number"] = values["number"] or next_volunteer_number(session)
    _check_number(session, values["number"], None)
    volunteer = Volunteer(is_demo=bool(data.get("is_demo")), **values)
    refresh_volunteer_search(volunteer)
    session.add(volunteer)
    session.flush()
    return volunteer


def create_volunteer(db, data: dict) -> int:
    with db.unit_of_work() as session:
        return add_volunteer(session, data).id


def update_volunteer(db, volunteer_id: int, data: dict) -> None:
    """Save the form over a volunteer. A phone left empty in the form keeps the stored one unless
    ``data["clear_phone"]`` says to remove it (the form never holds the full number)."""
    with db.unit_of_work() as session:
        volunteer = _get(session, volunteer_id)
        values = clean_volunteer(data)
        values["number"] = values["number"] or volunteer.number
        _check_number(session, values["number"], volunteer.id)
        if values["phone"] is None and not data.get("clear_phone"):
            values["phone"] = volunteer.phone
        for key, value in values.items():
            if getattr(volunteer, key) != value:
                setattr(volunteer, key, value)
        refresh_volunteer_search(volunteer)


def set_active(db, volunteer_id: int, active: bool) -> None:
    with db.unit_of_work() as session:
        _get(session, volunteer_id).active = bool(active)


def remove_volunteer(db, volunteer_id: int) -> None:
    """Mark removed; their past hours stay on the jobs, but they leave the lists."""
    with db.unit_of_work() as session:
        volunteer = _get(session, volunteer_id)
        volunteer.removed_at, volunteer.removed_by = datetime.now().replace(microsecond=0), session.info["actor"]


def restore_volunteer(db, volunteer_id: int) -> None:
    with db.unit_of_work() as session:
        volunteer = _get(session, volunteer_id, allow_removed=True)
        volunteer.removed_at = volunteer.removed_by = None


def reveal_volunteer_phone(db, volunteer_id: int) -> str:
    with db.unit_of_work() as session:
        volunteer = _get(session, volunteer_id, allow_removed=True)
        audit.record(session, "reveal", "volunteers", volunteer.id, {"field": "phone"})
        return volunteer.phone or ""


# --- hours ------------------------------------------------------------------------------------


def _between(column, start: date | None, end: date | None) -> list:
    conditions = []
    if start is not None:
        conditions.append(column >= start)
    if end is not None:
        conditions.append(column <= end)
    return conditions


def hours_by_volunteer(session: Session, start: date | None = None, end: date | None = None) -> dict[int, tuple[int, int, int]]:
    """{volunteer_id: (minutes, repair jobs, safety checks)} of actual service in the period (a
    volunteer put on a job without hours yet has not served on it)."""
    jobs = (select(RepairVolunteer.volunteer_id, func.sum(RepairVolunteer.minutes), func.count(RepairVolunteer.id))
            .join(RepairJob, RepairJob.id == RepairVolunteer.job_id)
            .where(RepairVolunteer.removed_at.is_(None), RepairVolunteer.minutes > 0, RepairJob.removed_at.is_(None),
                   *_between(RepairJob.job_date, start, end))
            .group_by(RepairVolunteer.volunteer_id))
    checks = (select(SafetyCheckVolunteer.volunteer_id, func.sum(SafetyCheckVolunteer.minutes), func.count(SafetyCheckVolunteer.id))
              .join(SafetyCheck, SafetyCheck.id == SafetyCheckVolunteer.check_id)
              .where(SafetyCheckVolunteer.removed_at.is_(None), SafetyCheckVolunteer.minutes > 0, SafetyCheck.removed_at.is_(None),
                     *_between(SafetyCheck.check_date, start, end))
              .group_by(SafetyCheckVolunteer.volunteer_id))
    result: dict[int, tuple[int, int, int]] = {}
    for volunteer_id, minutes, count in session.execute(jobs):
        result[volunteer_id] = (minutes or 0, count, 0)
    for volunteer_id, minutes, count in session.execute(checks):
        before = result.get(volunteer_id, (0, 0, 0))
        result[volunteer_id] = (before[0] + (minutes or 0), before[1], count)
    return result


def rows_in(session: Session, start: date | None = None, end: date | None = None, text: str = "",
            include_inactive: bool = True, include_removed: bool = False) -> list[VolunteerRow]:
    conditions = [] if include_removed else [Volunteer.removed_at.is_(None)]
    if not include_inactive:
        conditions.append(Volunteer.active.is_(True))
    if text.strip():
        conditions.append(text_condition(text, Volunteer.search_text, Volunteer.phone_digits))
    hours = hours_by_volunteer(session, start, end)
    volunteers = session.scalars(select(Volunteer).where(*conditions).order_by(Volunteer.number))
    return [VolunteerRow(
        id=v.id, number=v.number, name=v.name, skills=split_skills(v.skills), phone_masked=mask_phone(v.phone) if v.phone else "",
        active=bool(v.active), resident_id=v.resident_id, notes=v.notes or "", jobs=hours.get(v.id, (0, 0, 0))[1],
        checks=hours.get(v.id, (0, 0, 0))[2], minutes=hours.get(v.id, (0, 0, 0))[0], is_demo=bool(v.is_demo),
        removed=v.removed_at is not None) for v in volunteers]


def list_volunteers(db, start: date | None = None, end: date | None = None, text: str = "",
                    include_inactive: bool = True, include_removed: bool = False) -> list[VolunteerRow]:
    """Every volunteer with their service in the period (the whole history without a period)."""
    with db.reading() as session:
        return rows_in(session, start, end, text, include_inactive, include_removed)


def get_volunteer(db, volunteer_id: int) -> VolunteerRow:
    with db.reading() as session:
        for row in rows_in(session, include_removed=True):
            if row.id == volunteer_id:
                return row
    raise _gone()


def find_volunteer(session: Session, key: str) -> Volunteer | None:
    """By volunteer number (ZY-0001, zy-1 too), else by exact name when only one has it."""
    key = (key or "").strip()
    match = re.match(r"^zy-?(\d+)$", key, re.IGNORECASE)
    number = f"{VOLUNTEER_PREFIX}-{int(match.group(1)):04d}" if match else key
    found = session.scalar(select(Volunteer).where(Volunteer.number == number, Volunteer.removed_at.is_(None)))
    if found is not None:
        return found
    named = list(session.scalars(select(Volunteer).where(Volunteer.name == key, Volunteer.removed_at.is_(None)).limit(2)))
    return named[0] if len(named) == 1 else None


def services_in(session: Session, volunteer_id: int, start: date | None, end: date | None) -> list[ServiceLine]:
    jobs = (select(RepairJob.job_date, RepairJob.number, RepairJob.item, RepairVolunteer.minutes)
            .join(RepairVolunteer, RepairVolunteer.job_id == RepairJob.id)
            .where(RepairVolunteer.volunteer_id == volunteer_id, RepairVolunteer.removed_at.is_(None),
                   RepairVolunteer.minutes > 0, RepairJob.removed_at.is_(None), *_between(RepairJob.job_date, start, end)))
    checks = (select(SafetyCheck.check_date, SafetyCheck.number, SafetyCheckVolunteer.minutes)
              .join(SafetyCheckVolunteer, SafetyCheckVolunteer.check_id == SafetyCheck.id)
              .where(SafetyCheckVolunteer.volunteer_id == volunteer_id, SafetyCheckVolunteer.removed_at.is_(None),
                     SafetyCheckVolunteer.minutes > 0, SafetyCheck.removed_at.is_(None),
                     *_between(SafetyCheck.check_date, start, end)))
    repair = translate("app", "Repair: {item}")
    lines = [ServiceLine(day, "repair", number, repair.format(item=item), minutes or 0)
             for day, number, item, minutes in session.execute(jobs)]
    check = translate("app", "Home safety check")
    lines += [ServiceLine(day, "safety_check", number, check, minutes or 0) for day, number, minutes in session.execute(checks)]
    return sorted(lines, key=lambda line: (line.day, line.number))


def services_of(db, volunteer_id: int, start: date | None = None, end: date | None = None) -> list[ServiceLine]:
    with db.reading() as session:
        return services_in(session, volunteer_id, start, end)


def choices(db, include_inactive: bool = False) -> list[tuple[int, str]]:
    """(id, "ZY-0001 马永福（电工、家电）") for pickers; active volunteers only by default."""
    with db.reading() as session:
        rows = rows_in(session, include_inactive=include_inactive)
    return [(r.id, f"{r.number} {r.name}" + (f"（{'、'.join(r.skills)}）" if r.skills else "")) for r in rows]
