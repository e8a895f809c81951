"""Repair jobs (便民维修登记): register, correct, take steps, find, remove — one transaction per action.

    create_job(db, {"resident_id": 7, "item": "电风扇", "category": "家电", "fault": "不转",
                    "volunteers": [(3, 1.5)], "materials": [{"name": "电容", "quantity": 1}]}) -> id
    update_job(db, id, {... "outcome": "修好"})   # the missing steps (派单, 上门/到店, 完成) are taken
    advance(db, id, "转介", note="燃气公司")        # one step, timestamped with the actor
    query_job_ids(db, JobQuery(text="风扇")) -> [ids];  load_job_rows(db, ids) -> [JobRow]

A job for a resident on the roster copies their name, first phone and address when the form leaves
those empty. ``data["from_request"]`` links the new job to the request it came from (both ways).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import UserError, ValidationError
from app.i18n import translate
from app.links import link
from app.repairs import workflow
from app.repairs.rows import JobDetail, JobRow, detail_in, rows_in
from app.repairs.rules import GAS, JOB_PREFIX, REFERRED, gas_message, next_number
from app.repairs.search import JobQuery, job_ids_statement, refresh_job_search
from app.repairs.validation import clean_job, when_value
from app.requests.service import resident_snapshot
from db import audit
from db.models import RepairJob, RepairMaterial, RepairVolunteer, Request, Volunteer

EDITABLE = ("job_date", "resident_id", "name", "phone", "address", "item", "category", "fault", "appointment",
            "service_mode", "result_note", "notes")


def _gone() -> UserError:
    return UserError(translate("app", "This repair job no longer exists; it may have been removed meanwhile."))


def get_job(session: Session, job_id: int, allow_removed: bool = False) -> RepairJob:
    job = session.get(RepairJob, job_id)
    if job is None or (job.removed_at is not None and not allow_removed):
        raise _gone()
    return job


def check_volunteers(session: Session, wanted: list[tuple[int, int]], key: str = "volunteers") -> None:
    ids = [v for v, _m in wanted]
    if not ids:
        return
    found = set(session.scalars(select(Volunteer.id).where(Volunteer.id.in_(ids), Volunteer.removed_at.is_(None))))
    if set(ids) - found:
        raise ValidationError({key: translate("app", "A volunteer on the list is no longer on the team.")})


def set_volunteers(session: Session, model, parent_key: str, parent_id: int, wanted: list[tuple[int, int]]) -> None:
    """Make the parent's volunteers exactly ``wanted`` [(volunteer_id, minutes)]: hours updated in
    place, dropped volunteers soft-removed, a volunteer added again restored (all audited)."""
    check_volunteers(session, wanted)
    current = {row.volunteer_id: row for row in session.scalars(
        select(model).where(getattr(model, parent_key) == parent_id))}
    wanted_map = dict(wanted)
    for volunteer_id, row in current.items():
        if volunteer_id not in wanted_map and row.removed_at is None:
            row.removed_at, row.removed_by = datetime.now().replace(microsecond=0), session.info.get("actor")
    for volunteer_id, minutes in wanted:
        row = current.get(volunteer_id)
        if row is None:
            session.add(model(**{parent_key: parent_id}, volunteer_id=volunteer_id, minutes=minutes))
            continue
        if row.removed_at is not None:
            row.removed_at, row.removed_by = None, None
        if row.minutes != minutes:
            row.minutes = minutes


def _set_materials(session: Session, job: RepairJob, wanted: list[dict]) -> None:
    """Replace the materials list when it changed: old rows soft-removed, new ones added."""
    current = list(session.scalars(select(RepairMaterial).where(
        RepairMaterial.job_id == job.id, RepairMaterial.removed_at.is_(None)).order_by(RepairMaterial.position, RepairMaterial.id)))
    as_dicts = [{"name": m.name, "quantity": m.quantity, "unit": m.unit, "paid_by": m.paid_by} for m in current]
    if as_dicts == wanted:
        return
    now = datetime.now().replace(microsecond=0)
    for row in current:
        row.removed_at, row.removed_by = now, session.info.get("actor")
    for position, item in enumerate(wanted):
        session.add(RepairMaterial(job_id=job.id, position=position, **item))


def _fill_from_resident(session: Session, values: dict, changed_resident: bool) -> None:
    if values["resident_id"] is None or not changed_resident:
        return
    name, phone, address = resident_snapshot(session, values["resident_id"])
    values["name"] = values["name"] or name
    values["phone"] = values["phone"] or phone
    values["address"] = values["address"] or address


def _request(session: Session, request_id) -> Request:
    request = session.get(Request, int(request_id))
    if request is None or request.removed_at is not None:
        raise UserError(translate("app", "The request this job comes from no longer exists."))
    return request


def _fill_from_request(values: dict, request: Request) -> None:
    """Someone not on the roster: the request's snapshot of who and where (the phone too, which
    the form never showed unmasked)."""
    for key in ("name", "phone", "address"):
        values[key] = values[key] or getattr(request, key)


def _settle_and_follow_up(session: Session, job: RepairJob, values: dict, actor: str, at: datetime) -> None:
    if values["outcome"] is not None:
        workflow.settle(session, job, values["outcome"], actor, mode=values["service_mode"], at=at,
                        note=values["result_note"] or (values["outcome"] if values["outcome"] == REFERRED else None),
                        appointment=values["appointment"])
    satisfaction = values["satisfaction"]
    if satisfaction is None or satisfaction == job.satisfaction:
        return
    if job.status == workflow.FOLLOWED_UP:
        job.satisfaction = satisfaction
    elif job.status in (workflow.DONE, workflow.REFER):
        workflow.apply_step(session, job, workflow.FOLLOWED_UP, actor, at=at, satisfaction=satisfaction)
    else:
        raise ValidationError({"satisfaction": translate("app", "The follow-up comes after the job is finished or referred.")})


def add_job(session: Session, data: dict, actor: str, now: datetime | None = None, today: date | None = None,
            event_note: str | None = None) -> RepairJob:
    """Register one job in the caller's transaction (the form's save, an import row, demo data)."""
    now = (now or datetime.now()).replace(microsecond=0)
    values = clean_job(data, today or now.date())
    _fill_from_resident(session, values, True)
    request = _request(session, data["from_request"]) if data.get("from_request") else None
    if request is not None:
        _fill_from_request(values, request)
    if values["number"] is None:
        values["number"] = next_number(session, RepairJob.number, JOB_PREFIX, values["job_date"])
    elif session.scalar(select(RepairJob.id).where(RepairJob.number == values["number"])) is not None:
        raise ValidationError({"number": translate("app", "The number {number} is already in use.").format(number=values["number"])})
    job = RepairJob(status=workflow.REGISTERED, is_demo=bool(data.get("is_demo")), number=values["number"],
                    **{key: values[key] for key in EDITABLE})
    refresh_job_search(job)
    session.add(job)
    session.flush()
    at = max(now, datetime.combine(job.job_date, datetime.min.time()))
    session.add(workflow.register_event(job, actor, at, event_note))
    set_volunteers(session, RepairVolunteer, "job_id", job.id, values["volunteers"])
    _set_materials(session, job, values["materials"])
    session.flush()
    _settle_and_follow_up(session, job, values, actor, at)
    if request is not None:
        link(session, "request", request.id, "repair", job.id, translate("app", "Became a repair job"))
    session.flush()
    return job


def create_job(db, data: dict, now: datetime | None = None) -> int:
    """Register a job from the form. Raises ValidationError naming the fields."""
    with db.unit_of_work() as session:
        return add_job(session, data, session.info["actor"], now).id


def _apply_edits(session: Session, job: RepairJob, values: dict) -> None:
    if values["category"] == GAS and job.outcome not in (None, REFERRED) and values["outcome"] in (None, job.outcome):
        raise ValidationError({"category": gas_message()})
    same_resident = values["resident_id"] == job.resident_id
    if same_resident and values["phone"] is None and not values.get("clear_phone"):
        values["phone"] = job.phone  # the form never holds the full number: empty keeps it
    _fill_from_resident(session, values, not same_resident)
    if values["number"] and values["number"] != job.number:
        raise ValidationError({"number": translate("app", "The number of a job cannot be changed.")})
    for key in EDITABLE:
        if getattr(job, key) != values[key]:
            setattr(job, key, values[key])


def update_job(db, job_id: int, data: dict, now: datetime | None = None) -> None:
    """Save the form over an existing job: fields, volunteers and hours, materials, outcome. An
    empty phone keeps the stored one unless ``data["clear_phone"]``."""
    now = (now or datetime.now()).replace(microsecond=0)
    with db.unit_of_work() as session:
        job = get_job(session, job_id)
        values = clean_job(data, now.date())
        values["clear_phone"] = bool(data.get("clear_phone"))
        _apply_edits(session, job, values)
        set_volunteers(session, RepairVolunteer, "job_id", job.id, values["volunteers"])
        _set_materials(session, job, values["materials"])
        session.flush()
        _settle_and_follow_up(session, job, values, session.info["actor"], now)
        refresh_job_search(job)


def advance(db, job_id: int, step: str, note: str | None = None, outcome: str | None = None,
            satisfaction: str | None = None, appointment: datetime | str | None = None, at: datetime | None = None) -> None:
    """Take one step (派单, 上门, 到店, 完成, 再约, 转介, 回访). Illegal steps raise UserError."""
    errors: dict[str, str] = {}
    appointment = when_value(appointment, "appointment", errors)
    if errors:
        raise ValidationError(errors)
    with db.unit_of_work() as session:
        job = get_job(session, job_id)
        workflow.apply_step(session, job, step, session.info["actor"], at=at, note=note, outcome=outcome,
                            satisfaction=satisfaction, appointment=appointment)
        refresh_job_search(job)


def remove_job(db, job_id: int) -> None:
    """Mark removed (never deleted), with who and when; its hours no longer count."""
    with db.unit_of_work() as session:
        job = get_job(session, job_id)
        job.removed_at, job.removed_by = datetime.now().replace(microsecond=0), session.info["actor"]


def restore_job(db, job_id: int) -> None:
    with db.unit_of_work() as session:
        job = get_job(session, job_id, allow_removed=True)
        job.removed_at = job.removed_by = None


def reveal_job_phone(db, job_id: int) -> str:
    """The full phone number, on purpose; the reveal is audited (who, when, which job)."""
    with db.unit_of_work() as session:
        job = get_job(session, job_id, allow_removed=True)
        audit.record(session, "reveal", "repair_jobs", job.id, {"field": "phone"})
        return job.phone or ""


def link_request(db, job_id: int, request_id: int) -> None:
    with db.unit_of_work() as session:
        get_job(session, job_id)
        link(session, "request", _request(session, request_id).id, "repair", job_id,
             translate("app", "Became a repair job"))


# --- reading ----------------------------------------------------------------------------------


def query_job_ids(db, q: JobQuery = JobQuery()) -> list[int]:
    with db.reading() as session:
        return list(session.scalars(job_ids_statement(q)))


def load_job_rows(db, ids: list[int]) -> list[JobRow]:
    with db.reading() as session:
        return rows_in(session, ids)


def job_detail(db, job_id: int) -> JobDetail:
    with db.reading() as session:
        found = detail_in(session, job_id)
    if found is None:
        raise _gone()
    return found


def count_jobs(session: Session) -> int:
    return session.scalar(select(func.count(RepairJob.id)).where(RepairJob.removed_at.is_(None))) or 0


def count_open(db) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count(RepairJob.id)).where(
            RepairJob.removed_at.is_(None), RepairJob.status.in_(workflow.OPEN_STATUSES))) or 0


def prefill_from_request(db, request_id: int) -> dict:
    """Form values for a new job from a request: who, where, and what they said as the fault.
    The phone is left out (the form shows none in full); saving copies it from the request."""
    with db.reading() as session:
        request = session.get(Request, int(request_id))
        if request is None:
            raise UserError(translate("app", "The request this job comes from no longer exists."))
        return {"from_request": request.id, "resident_id": request.resident_id, "name": request.name,
                "address": request.address, "fault": request.content, "request_number": request.number}
