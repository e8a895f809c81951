"""What the repair screens and reports receive: plain frozen rows, never ORM objects.

Phones arrive masked (139****1031); the full number only through the audited reveal calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from app.links import LinkRow, linked
from app.repairs.rules import FREE, format_hours
from app.repairs.workflow import allowed_steps
from app.residents.masking import mask_phone
from db.models import RepairEvent, RepairJob, RepairMaterial, RepairVolunteer, Volunteer

BATCH = 500


@dataclass(frozen=True)
class JobVolunteer:
    volunteer_id: int
    number: str
    name: str
    minutes: int


@dataclass(frozen=True)
class Material:
    name: str
    quantity: float
    unit: str
    paid_by: str

    @property
    def text(self) -> str:
        quantity = f"{self.quantity:g}"
        return f"{self.name}×{quantity}{self.unit}"


@dataclass(frozen=True)
class JobRow:
    id: int
    number: str
    job_date: date
    resident_id: int | None
    name: str
    phone_masked: str
    address: str
    item: str
    category: str
    fault: str
    appointment: datetime | None
    service_mode: str
    status: str
    outcome: str
    finished_at: datetime | None
    satisfaction: str
    volunteers: tuple[JobVolunteer, ...]
    materials: tuple[Material, ...]
    result_note: str
    is_demo: bool
    removed: bool

    @property
    def minutes(self) -> int:
        return sum(v.minutes for v in self.volunteers)

    @property
    def volunteer_text(self) -> str:
        return "、".join(f"{v.name}({format_hours(v.minutes)})" if v.minutes else v.name for v in self.volunteers)

    @property
    def material_text(self) -> str:
        return "、".join(m.text for m in self.materials)

    @property
    def paid_text(self) -> str:
        return "、".join(sorted({m.paid_by for m in self.materials}, key=lambda p: p != FREE))


@dataclass(frozen=True)
class EventRow:
    step: str
    at: datetime
    actor: str
    note: str
    from_status: str
    to_status: str


@dataclass(frozen=True)
class JobDetail:
    row: JobRow
    notes: str
    has_phone: bool
    events: tuple[EventRow, ...]
    links: tuple[LinkRow, ...]
    next_steps: tuple[str, ...]


def _volunteers_by_job(session, ids: list[int]) -> dict[int, list[JobVolunteer]]:
    statement = (select(RepairVolunteer.job_id, Volunteer.id, Volunteer.number, Volunteer.name, RepairVolunteer.minutes)
                 .join(Volunteer, Volunteer.id == RepairVolunteer.volunteer_id)
                 .where(RepairVolunteer.job_id.in_(ids), RepairVolunteer.removed_at.is_(None))
                 .order_by(RepairVolunteer.id))
    result: dict[int, list[JobVolunteer]] = {}
    for job_id, volunteer_id, number, name, minutes in session.execute(statement):
        result.setdefault(job_id, []).append(JobVolunteer(volunteer_id, number, name, minutes or 0))
    return result


def _materials_by_job(session, ids: list[int]) -> dict[int, list[Material]]:
    statement = (select(RepairMaterial).where(RepairMaterial.job_id.in_(ids), RepairMaterial.removed_at.is_(None))
                 .order_by(RepairMaterial.position, RepairMaterial.id))
    result: dict[int, list[Material]] = {}
    for m in session.scalars(statement):
        result.setdefault(m.job_id, []).append(Material(m.name, m.quantity, m.unit or "", m.paid_by))
    return result


def make_row(job: RepairJob, volunteers: list[JobVolunteer], materials: list[Material]) -> JobRow:
    return JobRow(
        id=job.id, number=job.number, job_date=job.job_date, resident_id=job.resident_id, name=job.name or "",
        phone_masked=mask_phone(job.phone) if job.phone else "", address=job.address or "", item=job.item,
        category=job.category, fault=job.fault or "", appointment=job.appointment, service_mode=job.service_mode or "",
        status=job.status, outcome=job.outcome or "", finished_at=job.finished_at, satisfaction=job.satisfaction or "",
        volunteers=tuple(volunteers), materials=tuple(materials), result_note=job.result_note or "",
        is_demo=bool(job.is_demo), removed=job.removed_at is not None,
    )


def rows_in(session, ids: list[int]) -> list[JobRow]:
    """Rows for ``ids`` in the order given (ids that no longer exist are left out)."""
    found: dict[int, JobRow] = {}
    for start in range(0, len(ids), BATCH):
        batch = list(ids[start:start + BATCH])
        volunteers = _volunteers_by_job(session, batch)
        materials = _materials_by_job(session, batch)
        for job in session.scalars(select(RepairJob).where(RepairJob.id.in_(batch))):
            found[job.id] = make_row(job, volunteers.get(job.id, []), materials.get(job.id, []))
    return [found[i] for i in ids if i in found]


def detail_in(session, job_id: int) -> JobDetail | None:
    job = session.get(RepairJob, job_id)
    if job is None:
        return None
    row = rows_in(session, [job_id])[0]
    events = session.scalars(select(RepairEvent).where(RepairEvent.job_id == job_id)
                             .order_by(RepairEvent.at, RepairEvent.id))
    return JobDetail(
        row=row, notes=job.notes or "", has_phone=bool(job.phone),
        events=tuple(EventRow(e.step, e.at, e.actor, e.note or "", e.from_status or "", e.to_status) for e in events),
        links=tuple(linked(session, "repair", job_id)),
        next_steps=() if job.removed_at is not None else allowed_steps(job.status, job.category),
    )


def job_labels(session, ids: list[int]) -> dict[int, str]:
    """How a repair job is named in another ledger's list of links: "WX-20261126-01 电风扇（修好）"."""
    statement = select(RepairJob.id, RepairJob.number, RepairJob.item, RepairJob.status).where(RepairJob.id.in_(ids))
    return {i: f"{number} {item}（{status}）" for i, number, item, status in session.execute(statement)}
